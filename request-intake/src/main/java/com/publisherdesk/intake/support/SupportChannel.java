package com.publisherdesk.intake.support;

import java.util.Map;

/**
 * A team that answers support requests, as the routing catalog describes it; words are by language code.
 *
 * @param id                  stable, kebab-case
 * @param kafkaTopic          the Kafka topic the team's systems read its requests from
 * @param name                the channel's name
 * @param answeredBy          who answers, as the publisher is told
 * @param typicalResponseTime how soon it typically answers, as the publisher is told
 */
public record SupportChannel(String id, String kafkaTopic, Map<String, String> name, Map<String, String> answeredBy,
        Map<String, String> typicalResponseTime) {
}
