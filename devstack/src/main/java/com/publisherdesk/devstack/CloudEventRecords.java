package com.publisherdesk.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.EventType;

/** Builds Kafka records as the other services publish them: CloudEvents headers, JSON body, request id as key. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A record of a new event (a fresh event id). */
    public static <T> ProducerRecord<String, String> record(EventType<T> type, String requestId, T payload) {
        return record(type, requestId, payload, UUID.randomUUID());
    }

    /** A record with a given event id, to redeliver the same event. */
    public static <T> ProducerRecord<String, String> record(EventType<T> type, String requestId, T payload,
            UUID eventId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId.toString()));
        headers.add("ce_source", bytes("/publisher-desk/test"));
        headers.add("ce_type", bytes(type.name()));
        headers.add("ce_subject", bytes(requestId));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_dataschema", bytes(type.dataSchema().toString()));
        try {
            return new ProducerRecord<>(type.topic(), null, requestId, EventJson.mapper().writeValueAsString(payload),
                    headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
