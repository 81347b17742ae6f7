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

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    static boolean isProcessed(UUID eventId) {
        return findById(eventId) != null;
    }

    static void record(UUID eventId, String type) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.type = type;
        processed.processedAt = Instant.now();
        processed.persist();
    }
}
