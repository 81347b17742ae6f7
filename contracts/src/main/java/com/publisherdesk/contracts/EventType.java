package com.publisherdesk.contracts;

import java.net.URI;

/**
 * One kind of event: its stable CloudEvents {@code type}, the topic it is written to and its payload record.
 *
 * @param name    the CloudEvents type, stable across releases (never a Java class name)
 * @param topic   the topic the event travels on; null for an event whose every publication names its topic (a
 *                routed support request goes to its channel's own topic)
 * @param payload the record the JSON body maps to
 */
public record EventType<T>(String name, String topic, Class<T> payload) {

    /** Where every event schema is named: the {@code $id} of each is this followed by the type and {@code .json}. */
    public static final String SCHEMA_BASE = "https://publisherdesk.com/schemas/";

    /** The {@code $id} of this type's JSON Schema, sent as each event's CloudEvents {@code dataschema}. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + name + ".json");
    }

    /** The schema's file in this module's resources ({@code schemas/<type>.json}), served under the same name. */
    public String schemaResource() {
        return "schemas/" + name + ".json";
    }
}
