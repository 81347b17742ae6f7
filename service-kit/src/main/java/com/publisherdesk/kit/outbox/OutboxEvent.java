package com.publisherdesk.kit.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting in the outbox to be relayed to Kafka, written in the transaction of the change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    /** The record's own headers (a dead letter's: those of the record it came from), or null for CloudEvents ones. */
    public String headers;

    /** The trace of the transaction that wrote it (a W3C traceparent), sent as a header; null outside any trace. */
    public String traceparent;

    /**
     * Writes the event in the current transaction with one plain statement, prepared once per connection: every event
     * a service publishes passes here, and Hibernate's insert of an entity with a generated key (an identity column,
     * written at once) was the largest part of a consumer's CPU after its flushes. The event is not managed afterwards;
     * its position is the database's.
     */
    void write() {
        PlainStatements.update(getEntityManager(), "insert into outbox_event (id, topic, record_key, type, occurred_at, "
                + "payload, headers, traceparent) values (?, ?, ?, ?, ?, ?, ?, ?)", id, topic, recordKey, type,
                occurredAt, payload, headers, traceparent);
    }

    /** The oldest events first, at most {@code limit} of them. */
    public static List<OutboxEvent> oldest(int limit) {
        return find("order by position").page(0, limit).list();
    }

    /** How many events wait to be relayed. */
    public static long backlog() {
        return count();
    }

    /**
     * Removes exactly the events of a relayed batch, once Kafka has them. Not "everything up to the last position":
     * a transaction that took a lower position may commit after the batch was read, and its event must stay. One
     * statement text whatever the batch's size (an array of positions), prepared once per connection.
     */
    public static long removeRelayed(List<OutboxEvent> batch) {
        Long[] positions = batch.stream().map(event -> event.position).toArray(Long[]::new);
        return PlainStatements.update(getEntityManager(), "delete from outbox_event where position = any(?)",
                (Object) positions);
    }
}
