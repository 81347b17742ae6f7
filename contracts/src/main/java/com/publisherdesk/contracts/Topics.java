package com.publisherdesk.contracts;

/** The desk's Kafka topics: each has one writing service and is keyed by request id. */
public final class Topics {

    /** Requests as submitted; written by request-intake. */
    public static final String REQUESTS = "requests";
    /** Subscription verdicts; written by validation-service. */
    public static final String REQUEST_VALIDATIONS = "request-validations";
    /** Credit decisions and credit notes; written by billing-credit-service. */
    public static final String CREDIT_DECISIONS = "credit-decisions";
    /** Emails sent and acknowledgement deadlines; written by notification-service. */
    public static final String NOTIFICATIONS = "notifications";

    private Topics() {
    }
}
