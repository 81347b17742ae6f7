package com.publisherdesk.billing;

import java.math.BigDecimal;

/**
 * Where a charge stands for one credit request: what was billed, what its credit notes took, and what the other
 * approvals waiting for their authorization hold of it.
 *
 * @param charge   the charge of the request's period
 * @param credited the credit notes issued within the charge's period
 * @param held     the amounts of the other approvals of that period waiting for the publisher's authorization
 */
public record ChargeBalance(Charge charge, BigDecimal credited, BigDecimal held) {

    /** The balance of {@code charge} as {@code request} sees it (its own hold aside). */
    public static ChargeBalance of(Charge charge, CreditRequest request) {
        return new ChargeBalance(charge,
                CreditNote.creditedWithin(charge.subscriptionId, charge.periodFrom, charge.periodTo),
                CreditRequest.heldWithin(charge.subscriptionId, charge.periodFrom, charge.periodTo,
                        request.requestId));
    }

    /** What is left to credit: billed, less issued, less held. */
    public BigDecimal creditable() {
        return charge.amount.subtract(credited).subtract(held);
    }

    /** Whether {@code amount} can still be credited without crediting more than was billed. */
    public boolean covers(BigDecimal amount) {
        return amount.compareTo(creditable()) <= 0;
    }
}
