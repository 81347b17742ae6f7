package com.publisherdesk.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit was approved under policy and its credit note issued to the customer.
 *
 * @param requestId        the credit request
 * @param publisherId      the publisher on whose behalf the credit was issued
 * @param subscriptionId   the customer's subscription
 * @param ruling           the rule that approved it
 * @param creditNoteNumber the number of the credit note issued
 * @param amount           the amount credited
 * @param currency         ISO 4217 code
 * @param decidedAt        when it was decided
 */
public record CreditApproved(String requestId, String publisherId, String subscriptionId, PolicyRuling ruling,
        String creditNoteNumber, BigDecimal amount, String currency, Instant decidedAt) {
}
