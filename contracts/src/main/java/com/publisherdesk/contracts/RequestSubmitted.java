package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A publisher filed a request and the desk accepted it.
 *
 * @param requestId            the request's id, also the record key
 * @param publisherId          the publisher that filed it
 * @param type                 one of {@link RequestTypes}
 * @param submittedAt          when the desk accepted it
 * @param acknowledgementDueBy when the acknowledgement email is due at the latest
 * @param submittedBy          who filed it (an administrator's email)
 * @param recipients           who is told about it
 * @param credit               the details of a credit request; null for other types
 * @param subscriptionValidation the details of a subscription validation; null for other types
 */
public record RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
        Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit,
        SubscriptionValidationDetails subscriptionValidation) {

    /** A credit request. */
    public RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
            Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit) {
        this(requestId, publisherId, type, submittedAt, acknowledgementDueBy, submittedBy, recipients, credit, null);
    }
}
