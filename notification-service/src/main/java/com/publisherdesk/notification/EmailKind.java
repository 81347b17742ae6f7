package com.publisherdesk.notification;

/** The emails the desk sends about a request, at most one of each. */
public enum EmailKind {
    ACKNOWLEDGEMENT("acknowledgement"),
    /** A credit request went to manual review: a support agent will decide it; the result email follows then. */
    REVIEW("review"),
    /** The decision or answer; one per request. */
    RESULT("result"),
    /** A credit approved under policy waits for the publisher's authorization to issue its credit note. */
    AUTHORIZATION("authorization"),
    /** Not about a request: one of the publisher's webhook endpoints was disabled after failing for too long. */
    WEBHOOK_DISABLED("webhook-disabled");

    private final String wire;

    EmailKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
