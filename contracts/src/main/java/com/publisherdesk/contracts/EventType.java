package com.publisherdesk.contracts;

/**
 * One kind of event: its stable CloudEvents {@code type}, the topic it is written to and its payload record.
 *
 * @param name    the CloudEvents type, stable across releases (never a Java class name)
 * @param topic   the topic the event travels on; null for an event whose every publication names its topic (a
 *                routed support request goes to its channel's own topic)
 * @param payload the record the JSON body maps to
 */
public record EventType<T>(String name, String topic, Class<T> payload) {
}
