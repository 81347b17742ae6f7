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
 * @param creditAuthorization  for a credit request, the publisher's standing consent to have it issued on its behalf,
 *                             when the publisher gave one; null otherwise
 * @param profileChange        the details of a profile change (applied when filed); null for other types
 * @param adminChange          the details of a co-administrator change (applied when filed); null for other types
 * @param support              the details of a support request and the channel it was routed to; null for other
 *                             types
 */
public record RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
        Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit,
        SubscriptionValidationDetails subscriptionValidation, CreditAuthorization creditAuthorization,
        ProfileChangeDetails profileChange, AdminChangeDetails adminChange, SupportRequestDetails support) {

    /** A request of any type but support. */
    public RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
            Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit,
            SubscriptionValidationDetails subscriptionValidation, CreditAuthorization creditAuthorization,
            ProfileChangeDetails profileChange, AdminChangeDetails adminChange) {
        this(requestId, publisherId, type, submittedAt, acknowledgementDueBy, submittedBy, recipients, credit,
                subscriptionValidation, creditAuthorization, profileChange, adminChange, null);
    }

    /** A support request, routed to the channel its details name. */
    public RequestSubmitted(String requestId, String publisherId, Instant submittedAt, Instant acknowledgementDueBy,
            String submittedBy, Recipients recipients, SupportRequestDetails support) {
        this(requestId, publisherId, RequestTypes.SUPPORT, submittedAt, acknowledgementDueBy, submittedBy, recipients,
                null, null, null, null, null, support);
    }

    /** A credit request or a subscription validation, with the credit's standing consent if any. */
    public RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
            Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit,
            SubscriptionValidationDetails subscriptionValidation, CreditAuthorization creditAuthorization) {
        this(requestId, publisherId, type, submittedAt, acknowledgementDueBy, submittedBy, recipients, credit,
                subscriptionValidation, creditAuthorization, null, null);
    }

    /** A request without a credit authorization. */
    public RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
            Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit,
            SubscriptionValidationDetails subscriptionValidation) {
        this(requestId, publisherId, type, submittedAt, acknowledgementDueBy, submittedBy, recipients, credit,
                subscriptionValidation, null, null, null);
    }

    /** A credit request without a standing consent. */
    public RequestSubmitted(String requestId, String publisherId, String type, Instant submittedAt,
            Instant acknowledgementDueBy, String submittedBy, Recipients recipients, CreditRequestDetails credit) {
        this(requestId, publisherId, type, submittedAt, acknowledgementDueBy, submittedBy, recipients, credit, null,
                null, null, null);
    }
}
