package com.publisherdesk.validation;

import java.time.Instant;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The verdict on whether a request's subscription belongs to the named customer and the publisher; one per request. */
@Entity
@Table(name = "ownership_check")
public class OwnershipCheck extends PanacheEntityBase {

    private static final String INSERT = "insert into ownership_check (request_id, publisher_id, subscription_id, "
            + "confirmed, reason_code, checked_at) values (?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(nullable = false)
    public boolean confirmed;

    /** Why it was not confirmed, for the desk's own audit only. */
    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    /**
     * Writes this verdict with one plain insert, unless the request has one already (a repeated event); returns
     * whether it was written. Not managed afterwards. Every request passes here once: looking for an earlier verdict
     * and persisting this one through Hibernate cost a fifth of the service's CPU per request.
     */
    public boolean recordIfFirst() {
        return PlainStatements.update(getEntityManager(), INSERT, requestId, publisherId, subscriptionId, confirmed,
                reasonCode, checkedAt) == 1;
    }
}
