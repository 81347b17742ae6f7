package com.publisherdesk.contracts.compat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lists the changes between an event's JSON Schema in the last release and now that a subscriber would not survive:
 * a field removed (or renamed, which removes one), a type changed, a field newly required, an enum or a string's
 * limits narrowed, an object closed to unknown fields. Adding optional fields, widening an enum or opening an object
 * are additive and pass.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The backward-incompatible changes from {@code released} to {@code current}, each in words; empty when none. */
    public static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("$", released, current, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (!types(released).equals(types(current))) {
            breaks.add(path + ": type changed from " + types(released) + " to " + types(current));
            return;
        }
        compareEnums(path, released, current, breaks);
        compareLimits(path, released, current, breaks);
        compareFields(path, released, current, breaks);
        compareOpenness(path, released, current, breaks);
        if (released.has("items") && current.has("items")) {
            compare(path + "[]", released.get("items"), current.get("items"), breaks);
        }
    }

    private static void compareFields(String path, JsonNode released, JsonNode current, List<String> breaks) {
        JsonNode before = released.path("properties");
        JsonNode now = current.path("properties");
        for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!now.has(name)) {
                breaks.add(path + "." + name + ": field removed (or renamed)");
            } else {
                compare(path + "." + name, before.get(name), now.get(name), breaks);
            }
        }
        Set<String> required = strings(current.path("required"));
        required.removeAll(strings(released.path("required")));
        required.forEach(name -> breaks.add(path + "." + name + ": newly required"));
    }

    private static void compareEnums(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (!current.has("enum")) {
            return;
        }
        if (!released.has("enum")) {
            breaks.add(path + ": now limited to " + strings(current.get("enum")));
            return;
        }
        Set<String> dropped = strings(released.get("enum"));
        dropped.removeAll(strings(current.get("enum")));
        if (!dropped.isEmpty()) {
            breaks.add(path + ": enum narrowed, " + dropped + " no longer allowed");
        }
    }

    private static void compareLimits(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (current.path("minLength").asInt(0) > released.path("minLength").asInt(0)) {
            breaks.add(path + ": minLength raised to " + current.get("minLength"));
        }
        if (current.has("maxLength") && current.get("maxLength").asInt()
                < released.path("maxLength").asInt(Integer.MAX_VALUE)) {
            breaks.add(path + ": maxLength lowered to " + current.get("maxLength"));
        }
        for (String keyword : List.of("pattern", "format")) {
            if (current.has(keyword) && !current.get(keyword).equals(released.get(keyword))) {
                breaks.add(path + ": " + keyword + " changed to " + current.get(keyword));
            }
        }
    }

    private static void compareOpenness(String path, JsonNode released, JsonNode current, List<String> breaks) {
        JsonNode before = released.path("additionalProperties");
        JsonNode now = current.path("additionalProperties");
        if (now.isBoolean() && !now.asBoolean() && !(before.isBoolean() && !before.asBoolean())) {
            breaks.add(path + ": closed to unknown fields");
        } else if (before.isObject() && now.isObject()) {
            compare(path + ".*", before, now, breaks);
        }
    }

    private static Set<String> types(JsonNode schema) {
        return strings(schema.path("type"));
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}
