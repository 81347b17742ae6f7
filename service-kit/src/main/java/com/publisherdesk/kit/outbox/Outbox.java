package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.kit.logging.LogContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Writes events into the outbox inside the caller's transaction; the only way services publish. */
@ApplicationScoped
public class Outbox {

    private static final int KEY_LIMIT = 100;
    private static final int TYPE_LIMIT = 150;

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String deadLetterTopic;

    public Outbox(TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.transactions = transactions;
        this.relay = relay;
        this.deadLetterTopic = service + "-dlq";
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
        event.payload = EventJson.write(payload);
        event.traceparent = LogContext.traceparent();
        event.write();
        relay.wakeAfterCommit(transactions);
    }

    /**
     * Sends a record this service could not apply to its dead-letter topic ({@code <service>-dlq}) as it arrived (key,
     * body, headers) with where it came from and why, in the caller's transaction: the batch the record came from
     * commits with its dead letter, or neither does.
     */
    @Transactional(TxType.MANDATORY)
    public void deadLetter(ConsumerRecord<String, String> record, String reason) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = deadLetterTopic;
        event.recordKey = clip(record.key() == null ? "" : record.key(), KEY_LIMIT);
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        event.type = clip(type == null || type.value() == null ? "unknown"
                : new String(type.value(), StandardCharsets.UTF_8), TYPE_LIMIT);
        event.occurredAt = Instant.now();
        event.payload = record.value() == null ? "" : record.value();
        event.headers = DeadLetters.headersOf(record, reason);
        event.write();
        relay.wakeAfterCommit(transactions);
    }

    private static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
