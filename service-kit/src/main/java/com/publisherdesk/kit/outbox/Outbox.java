package com.publisherdesk.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.EventType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Writes events into the outbox inside the caller's transaction; the only way services publish. */
@ApplicationScoped
public class Outbox {

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Records an event keyed by its request id; it reaches Kafka only if the surrounding transaction commits. */
    @Transactional(TxType.MANDATORY)
    public <T> void publish(EventType<T> type, String requestId, T payload) {
        if (type.topic() == null) {
            throw new IllegalArgumentException(type.name() + " has no topic of its own; name one with publishTo");
        }
        publishTo(type.topic(), type, requestId, payload);
    }

    /**
     * Records an event for a topic named at publication (a support channel's own, say), keyed by its request id; it
     * reaches Kafka only if the surrounding transaction commits.
     */
    @Transactional(TxType.MANDATORY)
    public <T> void publishTo(String topic, EventType<T> type, String requestId, T payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = requestId;
        event.type = type.name();
        event.occurredAt = Instant.now();
        event.payload = toJson(payload);
        event.persist();
        relay.wakeAfterCommit(transactions);
    }

    private static String toJson(Object payload) {
        try {
            return EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
