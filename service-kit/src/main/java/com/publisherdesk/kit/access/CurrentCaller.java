package com.publisherdesk.kit.access;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.publisherdesk.kit.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated {@link Caller} of the current request, read from its verified bearer token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller; 401 when the request carries no token. */
    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous() || token.getRawToken() == null) {
                throw new ProblemException(401, "unauthenticated", "Authentication required",
                        "This endpoint needs a bearer token.");
            }
            Object email = token.getClaim("email");
            String name = email instanceof String text && !text.isBlank() ? text : token.getName();
            caller = new Caller(name, identity.getRoles(), token.getRawToken());
        }
        return caller;
    }

    /** The caller's email address. */
    public String email() {
        return get().email();
    }
}
