package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A credit request waits for a support agent's decision.
 *
 * @param requestId      the credit request
 * @param publisherId    the publisher that asked
 * @param subscriptionId the customer's subscription
 * @param ruling         the rule that sent it to review
 * @param decidedAt      when it was sent to review
 */
public record CreditReviewRequired(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
        Instant decidedAt) {
}
