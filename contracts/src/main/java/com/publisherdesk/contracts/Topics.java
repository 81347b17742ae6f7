package com.publisherdesk.contracts;

import java.util.List;

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
    /** Support requests for the billing support team; written by request-intake, read by that team's systems. */
    public static final String SUPPORT_BILLING = "support-billing";
    /** Support requests for the developer account team; written by request-intake, read by that team's systems. */
    public static final String SUPPORT_DEVELOPER_ACCOUNT = "support-developer-account";

    /** The topics of the shipped support channels (an operator's routing catalog may name others). */
    public static final List<String> SUPPORT_CHANNELS = List.of(SUPPORT_BILLING, SUPPORT_DEVELOPER_ACCOUNT);
    /** The topics the desk's own services read. */
    public static final List<String> DESK = List.of(REQUESTS, REQUEST_VALIDATIONS, CREDIT_DECISIONS, NOTIFICATIONS);

    private Topics() {
    }
}
