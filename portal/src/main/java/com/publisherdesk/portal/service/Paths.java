package com.publisherdesk.portal.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/** Builds the API paths the pages call, every part the person typed encoded. */
public final class Paths {

    private Paths() {
    }

    /** One path segment, encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /v1/publishers/{id}} for a publisher. */
    public static String publisher(String publisherId) {
        return "/v1/publishers/" + segment(publisherId);
    }

    /** A request id as the API takes it; a page for anything else is not found. */
    public static String requestId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new PageException(404, "errorNotFound", "No request " + value);
        }
    }

    /** The non-empty parameters as a query string, starting with {@code ?} (or empty). */
    public static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
