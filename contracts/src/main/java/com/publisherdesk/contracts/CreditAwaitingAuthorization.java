package com.publisherdesk.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit was approved, under policy or by a support agent, and its credit note waits for the publisher's
 * authorization to act on its behalf; a {@link CreditApproved} with the credit note follows once the authorization is
 * on record.
 *
 * @param requestId      the credit request
 * @param publisherId    the publisher that asked
 * @param subscriptionId the customer's subscription
 * @param ruling         the rule that approved it; for an agent's decision, the rule that sent it to review
 * @param amount         the amount the credit note will be for
 * @param currency       ISO 4217 code
 * @param decidedAt      when it was approved
 * @param review         the support agent's decision when the policy sent the request to review; absent when the
 *                       policy approved it
 */
public record CreditAwaitingAuthorization(String requestId, String publisherId, String subscriptionId,
        PolicyRuling ruling, BigDecimal amount, String currency, Instant decidedAt, AgentReview review) {

    /** A credit approved under policy. */
    public CreditAwaitingAuthorization(String requestId, String publisherId, String subscriptionId,
            PolicyRuling ruling, BigDecimal amount, String currency, Instant decidedAt) {
        this(requestId, publisherId, subscriptionId, ruling, amount, currency, decidedAt, null);
    }
}
