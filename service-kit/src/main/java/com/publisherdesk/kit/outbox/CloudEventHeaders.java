package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.logging.LogContext;

import jakarta.enterprise.context.ApplicationScoped;

/** Writes the CloudEvents attributes of an outbox event as Kafka headers (binary content mode). */
@ApplicationScoped
public class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The {@code $id} of the JSON Schema the body follows (the AsyncAPI document references the same file). */
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    private final String source;

    public CloudEventHeaders(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.source = "/publisher-desk/" + serviceName;
    }

    /** The record's headers, its {@code traceparent} the one given (the relay's publish span, or the stored one). */
    RecordHeaders of(OutboxEvent event, String traceparent) {
        if (event.headers != null) {
            return DeadLetters.headers(event.headers);
        }
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.id.toString());
        add(headers, SOURCE, source);
        add(headers, TYPE, event.type);
        add(headers, SUBJECT, event.recordKey);
        add(headers, TIME, event.occurredAt.toString());
        Events.byName(event.type).ifPresent(type -> add(headers, DATA_SCHEMA, type.dataSchema().toString()));
        add(headers, CONTENT_TYPE, "application/json");
        if (traceparent != null) {
            add(headers, LogContext.TRACEPARENT, traceparent);
        }
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
