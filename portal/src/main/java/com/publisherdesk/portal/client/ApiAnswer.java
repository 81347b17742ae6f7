package com.publisherdesk.portal.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One answer of a desk API.
 *
 * @param status  its HTTP status
 * @param headers its headers
 * @param body    its JSON body, or a missing node
 */
@io.quarkus.qute.TemplateData
public record ApiAnswer(int status, Map<String, List<String>> headers, JsonNode body) {

    /** Whether the call succeeded (2xx). */
    public boolean ok() {
        return status / 100 == 2;
    }

    /** A header's first value. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The field errors of a problem answer, by field path. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        body.path("errors").forEach(e -> errors.putIfAbsent(e.path("field").asText(), e.path("message").asText()));
        return errors;
    }

    /** The elements of an array body, as a list: a page shows "none" for an empty one (an empty list is false). */
    public List<JsonNode> items() {
        List<JsonNode> items = new java.util.ArrayList<>();
        body.forEach(items::add);
        return items;
    }

    /** The problem's detail, or its title. */
    public String problemDetail() {
        String detail = body.path("detail").asText("");
        return detail.isEmpty() ? body.path("title").asText("") : detail;
    }

    static ApiAnswer of(int status, Map<String, List<String>> headers, JsonNode body) {
        return new ApiAnswer(status, headers, body == null ? MissingNode.getInstance() : body);
    }
}
