package com.publisherdesk.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit was approved, under policy or by a support agent, and its credit note issued to the customer.
 *
 * @param requestId        the credit request
 * @param publisherId      the publisher on whose behalf the credit was issued
 * @param subscriptionId   the customer's subscription
 * @param ruling           the rule that approved it; for an agent's decision, the rule that sent it to review
 * @param creditNoteNumber the number of the credit note issued
 * @param amount           the amount credited
 * @param currency         ISO 4217 code
 * @param decidedAt        when it was decided
 * @param review           the support agent's decision when the policy sent the request to review; absent when the
 *                         policy approved it
 */
public record CreditApproved(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
        String creditNoteNumber, BigDecimal amount, String currency, Instant decidedAt, AgentReview review) {

    /** A credit approved under policy. */
    public CreditApproved(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
            String creditNoteNumber, BigDecimal amount, String currency, Instant decidedAt) {
        this(requestId, publisherId, subscriptionId, ruling, creditNoteNumber, amount, currency, decidedAt, null);
    }
}
