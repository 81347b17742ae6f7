package com.publisherdesk.intake;

/** Where a request stands; a request only moves forward. */
public enum RequestStatus {

    SUBMITTED("submitted", 0),
    VALIDATED("validated", 1),
    NOT_CONFIRMED("not-confirmed", 1),
    IN_REVIEW("in-review", 2),
    AWAITING_AUTHORIZATION("awaiting-authorization", 2),
    CONFIRMED("confirmed", 3),
    APPROVED("approved", 3),
    DENIED("denied", 3),
    /** A change to the publisher's own account (profile, administrators), applied when it was filed. */
    COMPLETED("completed", 3),
    /** A support request handed to the team that answers its topic; that team answers the publisher. */
    ROUTED("routed", 3);

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
