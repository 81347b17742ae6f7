package com.publisherdesk.kit.inbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event this service has applied, recorded in the transaction of its effect so it is never applied twice. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(nullable = false)
    public String type;

    /** The request the event is about. */
    @Column(nullable = false)
    public String subject;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    static boolean isProcessed(UUID eventId) {
        return findById(eventId) != null;
    }

    /** How many events about one request this service has applied. */
    public static long countAbout(String requestId) {
        return count("subject", requestId);
    }

    static void record(UUID eventId, String type, String subject) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.type = type;
        processed.subject = subject;
        processed.processedAt = Instant.now();
        processed.persist();
    }
}
