package com.publisherdesk.intake;

/** Where a request stands; a request only moves forward. */
public enum RequestStatus {

    SUBMITTED("submitted", 0),
    VALIDATED("validated", 1),
    NOT_CONFIRMED("not-confirmed", 1),
    /** A support agent decides; an agent's approval moves it on to awaiting-authorization or approved. */
    IN_REVIEW("in-review", 2),
    AWAITING_AUTHORIZATION("awaiting-authorization", 3),
    CONFIRMED("confirmed", 4),
    APPROVED("approved", 4),
    DENIED("denied", 4),
    /** A change to the publisher's own account (profile, administrators), applied when it was filed. */
    COMPLETED("completed", 4),
    /** A support request handed to the team that answers its topic; that team answers the publisher. */
    ROUTED("routed", 4);

    private final String wire;
    private final int stage;

    RequestStatus(String wire, int stage) {
        this.wire = wire;
        this.stage = stage;
    }

    /** The status as the API shows it. */
    public String wire() {
        return wire;
    }

    /** Whether moving from this status to {@code next} is progress. */
    public boolean isBefore(RequestStatus next) {
        return stage < next.stage;
    }

    public static RequestStatus fromWire(String wire) {
        for (RequestStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status " + wire);
    }
}
