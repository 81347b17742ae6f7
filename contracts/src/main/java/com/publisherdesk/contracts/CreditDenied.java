package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A credit was denied, under policy or by a support agent; the customer is invited to contact the publisher directly.
 *
 * @param requestId      the credit request
 * @param publisherId    the publisher that asked
 * @param subscriptionId the customer's subscription
 * @param ruling         the rule that denied it, with its words; for an agent's decision, the rule that sent it to
 *                       review
 * @param decidedAt      when it was decided
 * @param review         the support agent's decision, whose note says why, when the policy sent the request to
 *                       review; absent when the policy denied it
 */
public record CreditDenied(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
        Instant decidedAt, AgentReview review) {

    /** A credit denied under policy. */
    public CreditDenied(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
            Instant decidedAt) {
        this(requestId, publisherId, subscriptionId, ruling, decidedAt, null);
    }
}
