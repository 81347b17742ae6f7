package com.publisherdesk.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** A request the desk must write about: who to tell, in which language, and by when it must be acknowledged. */
@Entity
@Table(name = "notified_request")
public class NotifiedRequest extends PanacheEntityBase {

    private static final String INSERT = "insert into notified_request (request_id, publisher_id, type, "
            + "publisher_name, language, to_address, cc_addresses, submitted_at, acknowledgement_due_by, details, "
            + "warn_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing";

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

    /** When a still-unacknowledged request raises a warning. */
    @Column(name = "warn_at", nullable = false)
    public Instant warnAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    /**
     * Writes this request with one plain insert, unless it is known already (a redelivered or repeated event); returns
     * whether it was new. Not managed afterwards. Every request passes here: Hibernate's check for an existing row
     * and its insert at the flush were two statements and most of the CPU of applying the event.
     */
    public boolean insertIfNew() {
        return PlainStatements.update(getEntityManager(), INSERT, requestId, publisherId, type, publisherName,
                language, toAddress, ccAddresses, submittedAt, acknowledgementDueBy, details, warnAt) == 1;
    }

    public static Optional<NotifiedRequest> byId(UUID requestId) {
        return findByIdOptional(requestId);
    }

    /** Unacknowledged requests past their warning point and not yet warned about, locked for this watcher. */
    public static List<NotifiedRequest> dueForWarning(Instant now, int limit) {
        return find("acknowledgedAt is null and warnedAt is null and warnAt <= ?1", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    /** Unacknowledged requests past their deadline and not yet reported, locked for this watcher. */
    public static List<NotifiedRequest> dueForBreach(Instant now, int limit) {
        return find("acknowledgedAt is null and breachedAt is null and acknowledgementDueBy < ?1", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    /** Starts the clock: the warning point is {@code warnFraction} of the way to the deadline. */
    public void startClock(double warnFraction) {
        long window = acknowledgementDueBy.toEpochMilli() - submittedAt.toEpochMilli();
        warnAt = submittedAt.plusMillis(Math.round(window * warnFraction));
    }

    public boolean isAcknowledgedInTime() {
        return acknowledgedAt != null && !acknowledgedAt.isAfter(acknowledgementDueBy);
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
