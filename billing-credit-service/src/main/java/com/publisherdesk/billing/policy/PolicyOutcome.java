package com.publisherdesk.billing.policy;

/** What a policy rule decides. */
public enum PolicyOutcome {

    APPROVED("approved"),
    DENIED("denied"),
    REVIEW("review");

    private final String wire;

    PolicyOutcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
