package com.publisherdesk.portal.service;

/** A page that cannot be shown: its HTTP status and the text key that tells the person why. */
public class PageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String textKey;

    public PageException(int status, String textKey, String detail) {
        super(detail);
        this.status = status;
        this.textKey = textKey;
    }

    public int status() {
        return status;
    }

    public String textKey() {
        return textKey;
    }
}
