package com.publisherdesk.portal.service;

/** A page needs a signed-in person and there is none: the answer sends them to sign in. */
public class SignInRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String signInPath;

    public SignInRequiredException(String signInPath) {
        super("Sign in first");
        this.signInPath = signInPath;
    }

    public String signInPath() {
        return signInPath;
    }
}
