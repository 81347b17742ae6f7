package com.publisherdesk.contracts;

/**
 * What was filed, by kind of request: consumers {@code switch} over it. On the wire each kind is the field named after
 * it beside the request's {@code type} (see {@link RequestSubmitted}).
 */
public sealed interface RequestDetails {

    /** The kind of request, one of {@link RequestTypes}. */
    String type();

    /**
     * A credit or refund on a customer's behalf.
     *
     * @param request         what the publisher asked for
     * @param standingConsent the publisher's standing consent to have it issued on its behalf, when it gave one;
     *                        null otherwise
     */
    record Credit(CreditRequestDetails request, CreditAuthorization standingConsent) implements RequestDetails {

        public Credit {
            require(request, "credit");
        }

        @Override
        public String type() {
            return RequestTypes.CREDIT;
        }
    }

    /**
     * A check that a subscription and its billing address belong to the publisher's customer.
     *
     * @param validation the subscription and the billing address to check
     */
    record SubscriptionValidation(SubscriptionValidationDetails validation) implements RequestDetails {

        public SubscriptionValidation {
            require(validation, "subscriptionValidation");
        }

        @Override
        public String type() {
            return RequestTypes.SUBSCRIPTION_VALIDATION;
        }
    }

    /**
     * A change of the publisher's profile, applied when it was filed.
     *
     * @param change what changed, field by field
     */
    record ProfileChange(ProfileChangeDetails change) implements RequestDetails {

        public ProfileChange {
            require(change, "profileChange");
        }

        @Override
        public String type() {
            return RequestTypes.PROFILE_CHANGE;
        }
    }

    /**
     * A co-administrator added or removed, applied when it was filed.
     *
     * @param change who, and whether added or removed
     */
    record AdminChange(AdminChangeDetails change) implements RequestDetails {

        public AdminChange {
            require(change, "adminChange");
        }

        @Override
        public String type() {
            return RequestTypes.ADMIN_CHANGE;
        }
    }

    /**
     * A billing or account question for the team its topic is routed to.
     *
     * @param support the question and the channel it was routed to
     */
    record Support(SupportRequestDetails support) implements RequestDetails {

        public Support {
            require(support, "support");
        }

        @Override
        public String type() {
            return RequestTypes.SUPPORT;
        }
    }

    private static void require(Object details, String field) {
        if (details == null) {
            throw new IllegalArgumentException("A request of this type needs its " + field + " details");
        }
    }
}
