package com.publisherdesk.billing;

/** Where a credit request stands in billing. */
public enum CreditStatus {
    /** Waiting for its details or its subscription verdict. */
    PENDING,
    /** Approved under policy; the credit note waits for the publisher's authorization to act on its behalf. */
    AWAITING_AUTHORIZATION,
    APPROVED,
    DENIED,
    IN_REVIEW
}
