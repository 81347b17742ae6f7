package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * The desk routed a publisher's support request to the team that handles its topic; written on that channel's own
 * topic, for the team's systems (no service of the desk reads it).
 *
 * @param requestId      the request's id, also the record key
 * @param publisherId    the publisher that filed it
 * @param topic          the support topic's id
 * @param channel        the id of the channel it was routed to
 * @param subject        the publisher's one-line subject
 * @param description    the publisher's question, in its own words
 * @param subscriptionId the customer's subscription, when the question is about a customer; null otherwise
 * @param customerName   the customer's name, when the question is about a customer; null otherwise
 * @param submittedBy    the administrator who filed it
 * @param recipients     whom to answer: the publisher's name, contact, co-administrators and language
 * @param routedAt       when the desk accepted and routed it
 */
public record SupportRequestRouted(String requestId, String publisherId, String topic, String channel,
        String subject, String description, String subscriptionId, String customerName, String submittedBy,
        Recipients recipients, Instant routedAt) {
}
