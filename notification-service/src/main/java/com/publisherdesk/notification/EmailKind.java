package com.publisherdesk.notification;

/** The emails the desk sends about a request, at most one of each. */
public enum EmailKind {
    ACKNOWLEDGEMENT("acknowledgement"),
    RESULT("result");

    private final String wire;

    EmailKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
