package com.publisherdesk.portal.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person signed in to the portal, with the bearer token the portal sends on their behalf.
 *
 * @param email their email, as the desk knows them
 * @param roles their desk roles ({@code support-agent}, {@code operator}); none for publisher administrators
 * @param token their access token
 */
@io.quarkus.qute.TemplateData
public record SignedIn(String email, List<String> roles, String token) {

    /** The role of support agents. */
    public static final String SUPPORT_AGENT = "support-agent";
    /** The role of operators. */
    public static final String OPERATOR = "operator";

    /** Reads who a token names from its claims ({@code email} or {@code upn}, {@code groups}). */
    public static SignedIn fromToken(String token, ObjectMapper json) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            String email = claims.path("email").asText(claims.path("upn").asText(claims.path("sub").asText()));
            List<String> roles = new ArrayList<>();
            claims.path("groups").forEach(role -> roles.add(role.asText()));
            return new SignedIn(email, List.copyOf(roles), token);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A token whose claims cannot be read", e);
        }
    }

    public boolean isAgent() {
        return roles.contains(SUPPORT_AGENT);
    }

    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }
}
