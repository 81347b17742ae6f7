package com.publisherdesk.portal.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateExtension;

/** What pages need to read the APIs' JSON and speak the person's language. */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    /** {@code node.field}: text, numbers and flags as themselves, arrays as lists, absent or null as null. */
    @TemplateExtension(matchName = TemplateExtension.ANY, priority = 1)
    static Object field(JsonNode node, String name) {
        return plain(node.get(name));
    }

    /** The label of a wire value ({@code status}, {@code type}, {@code step}) in the page's language. */
    static String label(Map<String, String> texts, String kind, Object value) {
        if (value == null) {
            return "";
        }
        return texts.getOrDefault(kind + "." + value, String.valueOf(value));
    }

    /** A comma-separated list of words ({@code statusList}) as a list. */
    static List<String> list(Map<String, String> texts, String key) {
        return List.of(texts.getOrDefault(key, "").split(","));
    }

    /** The words under {@code prefix.} by what follows it: the labels of a select's options. */
    static Map<String, String> prefixed(Map<String, String> texts, String prefix) {
        Map<String, String> labels = new java.util.HashMap<>();
        texts.forEach((key, value) -> {
            if (key.startsWith(prefix + ".")) {
                labels.put(key.substring(prefix.length() + 1), value);
            }
        });
        return labels;
    }

    /** A JSON value indented for reading. */
    static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    /** A value for a query string. */
    static String urlEncode(Object value) {
        return java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * An ISO-8601 instant as {@code yyyy-MM-dd HH:mm:ss UTC}; other text as it is. Text only: the words' {@code when}
     * ({@code t.when}) stays a word.
     */
    static String when(String iso) {
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? plain(item) : item));
            return items;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isValueNode() ? value.asText() : value;
    }
}
