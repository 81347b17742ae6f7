package com.publisherdesk.portal.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sessions of people signed in through the embedded desk's sign-in page: a random id in a cookie, the token in
 * memory (a restart signs everyone out). Empty unless the local sign-in is on.
 */
@ApplicationScoped
public class LocalSessions {

    /** The cookie that carries the session id. */
    public static final String COOKIE = "portal-session";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public LocalSessions(ObjectMapper json) {
        this.json = json;
    }

    /** Opens a session for a token the local issuer signed; answers the session id. */
    public String open(String token) {
        byte[] id = new byte[24];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new Entry(SignedIn.fromToken(token, json), Instant.now().plus(LocalIssuer.LIFETIME)));
        return sessionId;
    }

    /** Who a session id belongs to, while it lasts. */
    public Optional<SignedIn> find(String sessionId) {
        Entry entry = sessionId == null ? null : sessions.get(sessionId);
        if (entry == null || entry.expires().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.person());
    }

    /** Ends a session. */
    public void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    /** The roles a demo user entry ({@code email} or {@code email:role}) gives. */
    public static List<String> rolesOf(String demoUser) {
        int colon = demoUser.indexOf(':');
        return colon < 0 ? List.of() : List.of(demoUser.substring(colon + 1));
    }

    private record Entry(SignedIn person, Instant expires) {
    }
}
