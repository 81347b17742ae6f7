package com.publisherdesk.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request the desk must write about: who to tell, in which language, and by when it must be acknowledged. */
@Entity
@Table(name = "notified_request")
public class NotifiedRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String type;

    @Column(name = "publisher_name", nullable = false)
    public String publisherName;

    @Column(nullable = false)
    public String language;

    @Column(name = "to_address", nullable = false)
    public String toAddress;

    /** The co-administrators' addresses, comma-separated. */
    @Column(name = "cc_addresses", nullable = false)
    public String ccAddresses;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "acknowledgement_due_by", nullable = false)
    public Instant acknowledgementDueBy;

    /** The request's details as JSON, for the acknowledgement's summary. */
    public String details;

    public static Optional<NotifiedRequest> byId(UUID requestId) {
        return findByIdOptional(requestId);
    }

    public List<String> cc() {
        return ccAddresses.isBlank() ? List.of() : Arrays.asList(ccAddresses.split(","));
    }

    /** Every recipient, the contact first. */
    public List<String> recipients() {
        List<String> all = new java.util.ArrayList<>();
        all.add(toAddress);
        all.addAll(cc());
        return all;
    }
}
