package com.publisherdesk.intake;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestSubmitted;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Reads the {@code RequestSubmitted} events intake publishes on the real {@code requests} topic. */
final class SubmittedRequests implements AutoCloseable {

    private final KafkaCompanion kafka;
    private final ConsumerTask<String, String> records;

    SubmittedRequests(String bootstrapServers) {
        kafka = new KafkaCompanion(bootstrapServers);
        records = kafka.consumeStrings().fromTopics("requests");
    }

    /** The event of request {@code requestId}, once it is on the topic. */
    RequestSubmitted of(String requestId) {
        String value = record(requestId).value();
        try {
            return EventJson.mapper().readValue(value, RequestSubmitted.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Unreadable RequestSubmitted: " + value, e);
        }
    }

    /** The trace context the event of request {@code requestId} was published with. */
    String traceparent(String requestId) {
        return new String(record(requestId).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, String> record(String requestId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> records.getRecords().stream()
                .filter(r -> requestId.equals(r.key()))
                .filter(r -> Events.REQUEST_SUBMITTED.name().equals(new String(r.headers().lastHeader("ce_type")
                        .value())))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    @Override
    public void close() {
        records.close();
        kafka.close();
    }
}
