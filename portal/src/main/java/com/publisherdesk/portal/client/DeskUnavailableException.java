package com.publisherdesk.portal.client;

/** A desk service could not be reached. */
public class DeskUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeskUnavailableException(String where, Throwable cause) {
        super("The desk could not be reached (" + where + ")", cause);
    }
}
