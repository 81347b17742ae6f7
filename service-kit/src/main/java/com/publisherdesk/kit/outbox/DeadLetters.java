package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.kit.deadletter.DeadLetterTopic;

/**
 * The headers of a dead letter: those of the record it came from, then where it came from and why it was refused
 * (the names the dead-letter endpoints read and replay by), kept in the outbox as a JSON array of pairs.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    /** The headers of the dead letter of {@code record}, as stored in the outbox. */
    static String headersOf(ConsumerRecord<String, String> record, String reason) {
        List<List<String>> pairs = new ArrayList<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                pairs.add(List.of(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        pairs.add(List.of(DeadLetterTopic.REASON, reason == null ? "unknown" : reason));
        pairs.add(List.of(DeadLetterTopic.ORIGINAL_TOPIC, record.topic()));
        pairs.add(List.of(DeadLetterTopic.ORIGINAL_PARTITION, Integer.toString(record.partition())));
        pairs.add(List.of(DeadLetterTopic.ORIGINAL_OFFSET, Long.toString(record.offset())));
        return EventJson.write(pairs);
    }

    /** The Kafka headers stored by {@link #headersOf}. */
    static RecordHeaders headers(String stored) {
        try {
            RecordHeaders headers = new RecordHeaders();
            for (List<String> pair : EventJson.mapper().readValue(stored, new TypeReference<List<List<String>>>() {
            })) {
                headers.add(pair.get(0), pair.get(1).getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not a JSON array of pairs", e);
        }
    }
}
