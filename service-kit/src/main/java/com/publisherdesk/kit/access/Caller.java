package com.publisherdesk.kit.access;

import java.util.Locale;
import java.util.Set;

/**
 * The person behind a request, as its verified bearer token names them.
 *
 * @param email  their email address, lower case
 * @param roles  their desk roles ({@code support-agent}, {@code operator})
 * @param token  the raw token, for calls made on their behalf to another desk service
 */
public record Caller(String email, Set<String> roles, String token) {

    public Caller {
        email = email.toLowerCase(Locale.ROOT);
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Caller[" + email + ", " + roles + "]";
    }
}
