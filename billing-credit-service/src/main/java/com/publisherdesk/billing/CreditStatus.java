package com.publisherdesk.billing;

/** Where a credit request stands in billing. */
public enum CreditStatus {
    /** Waiting for its details or its subscription verdict. */
    PENDING,
    APPROVED,
    DENIED,
    IN_REVIEW
}
