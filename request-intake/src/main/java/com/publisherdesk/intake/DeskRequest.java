package com.publisherdesk.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A request a publisher filed, of any type, with where it stands and its acknowledgement clock. */
@Entity
@Table(name = "request")
public class DeskRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** The customer's subscription the request is about, if any. */
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "acknowledgement_due_by", nullable = false)
    public Instant acknowledgementDueBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** The request's fields as the publisher sent them, as JSON. */
    @Column(nullable = false)
    public String details;

    @Version
    public int version;

    /** A request of this publisher; another publisher's request reads as absent. */
    public static Optional<DeskRequest> ofPublisher(String publisherId, UUID id) {
        return find("id = ?1 and publisherId = ?2", id, publisherId).firstResultOptional();
    }

    /** Moves the request forward; a late event about an earlier stage leaves it where it is. */
    public void advanceTo(RequestStatus next) {
        if (status.isBefore(next)) {
            status = next;
        }
    }

    /** Notes the acknowledgement email once. */
    public void noteAcknowledged(Instant at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }
}
