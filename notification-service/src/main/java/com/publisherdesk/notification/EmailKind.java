package com.publisherdesk.notification;

/** The emails the desk sends about a request, at most one of each. */
public enum EmailKind {
    ACKNOWLEDGEMENT("acknowledgement"),
    RESULT("result"),
    /** A credit approved under policy waits for the publisher's authorization to issue its credit note. */
    AUTHORIZATION("authorization");

    private final String wire;

    EmailKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
