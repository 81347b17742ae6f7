package com.publisherdesk.billing.policy;

import java.util.Arrays;
import java.util.Optional;

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

    /** The outcome a policy file names, if it names one. */
    public static Optional<PolicyOutcome> ofWire(String wire) {
        return Arrays.stream(values()).filter(outcome -> outcome.wire.equals(wire)).findFirst();
    }
}
