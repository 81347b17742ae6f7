package com.publisherdesk.contracts;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event the desk publishes. */
public final class Events {

    public static final EventType<RequestSubmitted> REQUEST_SUBMITTED =
            new EventType<>("com.publisherdesk.request.submitted.v1", Topics.REQUESTS, RequestSubmitted.class);
    public static final EventType<CreditAuthorized> CREDIT_AUTHORIZED =
            new EventType<>("com.publisherdesk.credit.authorized.v1", Topics.REQUESTS, CreditAuthorized.class);
    public static final EventType<SubscriptionConfirmed> SUBSCRIPTION_CONFIRMED =
            new EventType<>("com.publisherdesk.subscription.confirmed.v1", Topics.REQUEST_VALIDATIONS,
                    SubscriptionConfirmed.class);
    public static final EventType<SubscriptionNotConfirmed> SUBSCRIPTION_NOT_CONFIRMED =
            new EventType<>("com.publisherdesk.subscription.not-confirmed.v1", Topics.REQUEST_VALIDATIONS,
                    SubscriptionNotConfirmed.class);
    public static final EventType<CreditApproved> CREDIT_APPROVED =
            new EventType<>("com.publisherdesk.credit.approved.v1", Topics.CREDIT_DECISIONS, CreditApproved.class);
    public static final EventType<CreditAwaitingAuthorization> CREDIT_AWAITING_AUTHORIZATION =
            new EventType<>("com.publisherdesk.credit.awaiting-authorization.v1", Topics.CREDIT_DECISIONS,
                    CreditAwaitingAuthorization.class);
    public static final EventType<CreditDenied> CREDIT_DENIED =
            new EventType<>("com.publisherdesk.credit.denied.v1", Topics.CREDIT_DECISIONS, CreditDenied.class);
    public static final EventType<CreditReviewRequired> CREDIT_REVIEW_REQUIRED =
            new EventType<>("com.publisherdesk.credit.review-required.v1", Topics.CREDIT_DECISIONS,
                    CreditReviewRequired.class);
    public static final EventType<AcknowledgementSent> ACKNOWLEDGEMENT_SENT =
            new EventType<>("com.publisherdesk.acknowledgement.sent.v1", Topics.NOTIFICATIONS,
                    AcknowledgementSent.class);
    public static final EventType<ResultSent> RESULT_SENT =
            new EventType<>("com.publisherdesk.result.sent.v1", Topics.NOTIFICATIONS, ResultSent.class);

    public static final EventType<EmailFailed> EMAIL_FAILED =
            new EventType<>("com.publisherdesk.email.failed.v1", Topics.NOTIFICATIONS, EmailFailed.class);
    public static final EventType<AcknowledgementDeadlineWarning> ACKNOWLEDGEMENT_DEADLINE_WARNING =
            new EventType<>("com.publisherdesk.acknowledgement.deadline-warning.v1", Topics.NOTIFICATIONS,
                    AcknowledgementDeadlineWarning.class);
    public static final EventType<AcknowledgementDeadlineBreached> ACKNOWLEDGEMENT_DEADLINE_BREACHED =
            new EventType<>("com.publisherdesk.acknowledgement.deadline-breached.v1", Topics.NOTIFICATIONS,
                    AcknowledgementDeadlineBreached.class);
    public static final EventType<AcknowledgementDeadlineMet> ACKNOWLEDGEMENT_DEADLINE_MET =
            new EventType<>("com.publisherdesk.acknowledgement.deadline-met.v1", Topics.NOTIFICATIONS,
                    AcknowledgementDeadlineMet.class);
    /** Its topic is the support channel's own, named by the routing catalog at each publication. */
    public static final EventType<SupportRequestRouted> SUPPORT_REQUEST_ROUTED =
            new EventType<>("com.publisherdesk.support.routed.v1", null, SupportRequestRouted.class);

    public static final List<EventType<?>> ALL = List.of(REQUEST_SUBMITTED, CREDIT_AUTHORIZED, SUBSCRIPTION_CONFIRMED,
            SUBSCRIPTION_NOT_CONFIRMED, CREDIT_APPROVED, CREDIT_AWAITING_AUTHORIZATION, CREDIT_DENIED,
            CREDIT_REVIEW_REQUIRED, ACKNOWLEDGEMENT_SENT, RESULT_SENT, EMAIL_FAILED, ACKNOWLEDGEMENT_DEADLINE_WARNING,
            ACKNOWLEDGEMENT_DEADLINE_BREACHED, ACKNOWLEDGEMENT_DEADLINE_MET, SUPPORT_REQUEST_ROUTED);

    private Events() {
    }

    /** Finds an event type by its CloudEvents type name. */
    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
