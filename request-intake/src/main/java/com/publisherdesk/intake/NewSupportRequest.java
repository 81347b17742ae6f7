package com.publisherdesk.intake;

/**
 * A support request to file and route, as the publisher gave it.
 *
 * @param topic          one of the support topics
 * @param subject        one line saying what it is about
 * @param description    the question, in the publisher's own words
 * @param subscriptionId the customer's subscription, when the question is about a customer
 * @param customerName   the customer's name, when the question is about a customer
 */
public record NewSupportRequest(String topic, String subject, String description, String subscriptionId,
        String customerName) {
}
