package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A credit was denied under policy; the customer is invited to contact the publisher directly.
 *
 * @param requestId      the credit request
 * @param publisherId    the publisher that asked
 * @param subscriptionId the customer's subscription
 * @param ruling         the rule that denied it, with its words
 * @param decidedAt      when it was decided
 */
public record CreditDenied(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
        Instant decidedAt) {
}
