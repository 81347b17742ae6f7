package com.publisherdesk.contracts;

import java.util.Map;

/**
 * A support request as filed and where the desk routed it, with what the publisher is told about that channel.
 * Words meant for the publisher are given by language code ({@code en}, {@code fr}).
 *
 * @param topic               the support topic's id, from the desk's routing catalog
 * @param topicTitle          the topic's title, by language
 * @param channel             the id of the channel the request was routed to
 * @param channelName         the channel's name, by language
 * @param answeredBy          who answers on that channel, by language
 * @param typicalResponseTime how soon that channel typically answers, by language
 * @param subject             the publisher's one-line subject
 * @param description         the publisher's question, in its own words
 * @param subscriptionId      the customer's subscription, when the question is about a customer; null otherwise
 * @param customerName        the customer's name, when the question is about a customer; null otherwise
 */
public record SupportRequestDetails(String topic, Map<String, String> topicTitle, String channel,
        Map<String, String> channelName, Map<String, String> answeredBy, Map<String, String> typicalResponseTime,
        String subject, String description, String subscriptionId, String customerName) {
}
