package com.publisherdesk.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.publisherdesk.kit.outbox.CloudEventHeaders;

/**
 * The CloudEvents attributes of a Kafka record and its raw JSON body.
 *
 * @param id      the event id, unique per event, the idempotency key of consumers
 * @param type    the CloudEvents type
 * @param subject the request id
 * @param time    when the event occurred
 * @param body    the JSON body
 * @param source  the CloudEvents source (the writing service), or null when the record does not say
 */
public record IncomingEvent(UUID id, String type, String subject, Instant time, String body, String source) {

    /** Reads a record, or throws {@link PoisonEventException} when a required attribute is missing or malformed. */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        try {
            return new IncomingEvent(UUID.fromString(header(record, CloudEventHeaders.ID)),
                    header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SUBJECT),
                    Instant.parse(header(record, CloudEventHeaders.TIME)), requireBody(record),
                    optionalHeader(record, CloudEventHeaders.SOURCE));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("Malformed CloudEvents attributes at " + position(record), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonEventException("Missing header " + name + " at " + position(record));
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String requireBody(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonEventException("Empty body at " + position(record));
        }
        return record.value();
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
