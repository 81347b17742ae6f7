package com.publisherdesk.kit.inbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

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

    /**
     * Records the events of a batch as applied, with one statement, and returns the ids of those not recorded before
     * (an id twice in the batch is returned once): the events to apply now.
     */
    static Set<UUID> recordNew(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        UUID[] ids = events.stream().map(IncomingEvent::id).toArray(UUID[]::new);
        String[] types = events.stream().map(IncomingEvent::type).toArray(String[]::new);
        String[] subjects = events.stream().map(IncomingEvent::subject).toArray(String[]::new);
        return new HashSet<>(PlainStatements.query(getEntityManager(), "insert into processed_event "
                + "(event_id, type, subject, processed_at) select e.id, e.type, e.subject, now() "
                + "from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as e (id, type, subject) "
                + "on conflict (event_id) do nothing returning event_id", row -> row.getObject(1, UUID.class), ids,
                types, subjects));
    }

    /** How many events about one request this service has applied. */
    public static long countAbout(String requestId) {
        return count("subject", requestId);
    }

}
