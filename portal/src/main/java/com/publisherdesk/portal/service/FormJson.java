package com.publisherdesk.portal.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A submitted form as the JSON body an API takes: field names are the body's paths ({@code creditPeriod.from}), so
 * that the API's field errors come back under the names of the form's fields. Empty fields are left out.
 */
public final class FormJson {

    private FormJson() {
    }

    /** The form's fields by name, first value each, except {@code skip}. */
    public static Map<String, String> values(MultivaluedMap<String, String> form, Set<String> skip) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (!skip.contains(name) && !list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    /** The non-empty values nested by their dotted names. */
    public static Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                put(body, name.split("\\."), value);
            }
        });
        return body;
    }

    /**
     * The API's field errors placed beside the form's fields: an error on a group the form sent empty
     * ({@code creditPeriod}) goes beside the group's first field ({@code creditPeriod.from}).
     */
    public static Map<String, String> besideFields(Map<String, String> errors, java.util.Collection<String> fields) {
        Map<String, String> placed = new LinkedHashMap<>(errors);
        errors.forEach((field, message) -> {
            if (!fields.contains(field)) {
                fields.stream().filter(name -> name.startsWith(field + ".")).findFirst()
                        .ifPresent(first -> placed.putIfAbsent(first, message));
            }
        });
        return placed;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String[] path, Object value) {
        Map<String, Object> node = body;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }
}
