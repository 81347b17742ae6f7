package com.publisherdesk.kit.inbox;

/** An event that can never be applied (unreadable, incomplete or contradictory): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
