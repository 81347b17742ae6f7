package com.publisherdesk.validation;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The verdict on whether a request's subscription belongs to the named customer and the publisher; one per request. */
@Entity
@Table(name = "ownership_check")
public class OwnershipCheck extends PanacheEntityBase {

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

    public static boolean existsFor(UUID requestId) {
        return findByIdOptional(requestId).isPresent();
    }
}
