package com.publisherdesk.contracts.asyncapi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Topics;

/** The desk's topics as the AsyncAPI document describes them: who writes each, what it carries, its headers. */
final class DeskChannels {

    static final String DEAD_LETTER = "dead-letter";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");

    /**
     * One topic.
     *
     * @param topic       its name
     * @param writer      the one service that writes it
     * @param description what it carries and who reads it
     * @param messages    the keys of its messages
     */
    record Channel(String topic, String writer, String description, List<String> messages) {
    }

    private DeskChannels() {
    }

    static List<Channel> all() {
        List<Channel> channels = new ArrayList<>(List.of(
                events(Topics.REQUESTS, "request-intake", "Requests as the desk accepted them, and publishers' "
                        + "authorizations to issue a credit on their behalf."),
                events(Topics.REQUEST_VALIDATIONS, "validation-service", "Whether each request's subscription "
                        + "belongs to the named customer and to one of the publisher's offers."),
                events(Topics.CREDIT_DECISIONS, "billing-credit-service", "Credit decisions, under policy or by a "
                        + "support agent, and the credit notes issued; read by downstream billing, customer "
                        + "communications and analytics."),
                events(Topics.NOTIFICATIONS, "notification-service", "Emails sent or refused for good, and the "
                        + "24-hour acknowledgement clock of each request.")));
        Topics.SUPPORT_CHANNELS.forEach(topic -> channels.add(events(topic, "request-intake", "Support requests "
                + "routed to the team that answers their topic; read by that team's systems only. An operator's "
                + "routing catalog may name other topics of this kind.")));
        SERVICES.forEach(service -> channels.add(new Channel(service + "-dlq", service, "Records " + service
                + " could not apply, as they arrived, with the reason in dead-letter headers; for operators (replay "
                + "with POST /v1/operator/dead-letters/{partition}/{offset}/replay).", List.of(DEAD_LETTER))));
        return channels;
    }

    /** The topics an event type is written to: its own, or every support channel's for a routed request. */
    static List<String> topicsOf(EventType<?> type) {
        return type.topic() != null ? List.of(type.topic()) : Topics.SUPPORT_CHANNELS;
    }

    static ObjectNode info(String version) {
        return JSON.objectNode().put("title", "Publisher Desk events").put("version", version)
                .put("description", "Every event the desk publishes on Kafka, keyed by request id, with its "
                        + "CloudEvents attributes in headers (binary content mode) and a JSON body whose schema is "
                        + "named by its `ce_dataschema` header. Delivery is at least once: deduplicate on `ce_id`. "
                        + "Changes are additive (a build check compares every schema with the last release's): "
                        + "ignore fields and enum values you do not know. A breaking change gets a new type "
                        + "(`...v2`).");
    }

    static ObjectNode servers() {
        ObjectNode servers = JSON.objectNode();
        servers.putObject("embedded").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The broker `./desk run` starts (KAFKA_BOOTSTRAP_SERVERS elsewhere).");
        return servers;
    }

    /** The CloudEvents attributes every event carries as Kafka headers. */
    static ObjectNode cloudEventHeaders(EventType<?> type) {
        ObjectNode headers = JSON.objectNode().put("type", "object");
        headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source")
                .add("ce_subject").add("ce_time").add("ce_dataschema").add("content-type");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("format", "uuid")
                .put("description", "Unique per event: deduplicate on it.");
        properties.putObject("ce_type").put("type", "string").put("const", type.name());
        properties.putObject("ce_source").put("type", "string").put("pattern", "^/publisher-desk/[a-z-]+$")
                .put("description", "/publisher-desk/<the writing service>");
        properties.putObject("ce_subject").put("type", "string").put("description", "The request id (the key).");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time");
        properties.putObject("ce_dataschema").put("type", "string").put("format", "uri")
                .put("const", type.dataSchema().toString());
        properties.putObject("content-type").put("type", "string").put("const", "application/json");
        return headers;
    }

    /** Every record is keyed by its request id, so that events about one request stay in order. */
    static ObjectNode keyedByRequest() {
        ObjectNode bindings = JSON.objectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "The request id.");
        kafka.put("bindingVersion", "0.5.0");
        return bindings;
    }

    static ObjectNode deadLetterMessage() {
        ObjectNode message = JSON.objectNode().put("name", DEAD_LETTER).put("title", "Dead letter")
                .put("summary", "A record its service could not apply, unchanged, with the reason in headers.");
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        for (String header : List.of("dead-letter-reason", "dead-letter-cause", "dead-letter-topic",
                "dead-letter-partition", "dead-letter-offset")) {
            properties.putObject(header).put("type", "string");
        }
        message.putObject("payload").put("description", "The record's value as it arrived.");
        return message;
    }

    private static Channel events(String topic, String writer, String description) {
        return new Channel(topic, writer, description + " Written by " + writer + ".",
                AsyncApiDocument.messagesOn(topic));
    }
}
