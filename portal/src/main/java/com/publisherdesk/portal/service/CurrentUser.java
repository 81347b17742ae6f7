package com.publisherdesk.portal.service;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.portal.PortalConfig;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is signed in for this request: from the OIDC session (authorization-code flow) or, on the embedded desk only,
 * from the local sign-in's session.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final LocalSessions sessions;
    private final RoutingContext request;
    private final ObjectMapper json;
    private final boolean local;
    private Optional<SignedIn> resolved;

    public CurrentUser(SecurityIdentity identity, LocalSessions sessions, RoutingContext request, ObjectMapper json,
            PortalConfig config) {
        this.identity = identity;
        this.sessions = sessions;
        this.request = request;
        this.json = json;
        this.local = LocalSignInSwitch.isOn(config);
    }

    /** The person signed in, if anyone is. */
    public Optional<SignedIn> find() {
        if (resolved == null) {
            resolved = local ? fromLocalSession() : fromOidc();
        }
        return resolved;
    }

    /** The person signed in; otherwise the page asks them to sign in first. */
    public SignedIn require() {
        return find().orElseThrow(() -> new SignInRequiredException(signInPath()));
    }

    /** Where a person signs in: the identity provider, or the embedded desk's own page. */
    public String signInPath() {
        return local ? LocalSignInSwitch.PATH : "/sign-in";
    }

    /** Whether people sign in through the embedded desk's page. */
    public boolean isLocal() {
        return local;
    }

    private Optional<SignedIn> fromLocalSession() {
        Cookie cookie = request.request().getCookie(LocalSessions.COOKIE);
        return sessions.find(cookie == null ? null : cookie.getValue());
    }

    private Optional<SignedIn> fromOidc() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? Optional.empty() : Optional.of(SignedIn.fromToken(token.getToken(), json));
    }
}
