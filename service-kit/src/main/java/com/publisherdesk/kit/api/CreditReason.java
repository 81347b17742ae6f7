package com.publisherdesk.kit.api;

import java.util.Arrays;

/** The published list of reasons a publisher may give for a credit or refund. */
public enum CreditReason {

    SERVICE_OUTAGE("service-outage", "Service outage"),
    BILLING_ERROR("billing-error", "Billing error"),
    ACCIDENTAL_PURCHASE("accidental-purchase", "Accidental purchase"),
    CANCELLED_BUT_CHARGED("cancelled-but-charged", "Cancelled but charged"),
    DISSATISFACTION("dissatisfaction", "Dissatisfaction with the service"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    CreditReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether {@code code} is one of the published reason codes. */
    public static boolean isKnown(String code) {
        return Arrays.stream(values()).anyMatch(reason -> reason.code.equals(code));
    }
}
