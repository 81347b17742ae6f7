package com.publisherdesk.systemtests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads JSON Schemas (as OpenAPI documents give them) and makes plausible values and field lists from them. */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Values tried, in order, for a text field: the first its pattern and length allow is taken. */
    private static final List<String> CANDIDATES = List.of("sub-1001", "10.00", "EUR", "FR", "en",
            "+33 1 23 45 67 89", "ops@northwind.example", "other", "Alpine Bakery SARL");
    private static final Map<String, String> BY_NAME = Map.of("currency", "EUR", "country", "FR", "email",
            "ops@northwind.example", "language", "en", "code", "other", "amount", "10.00");

    private SchemaValues() {
    }

    /**
     * A field somewhere in a body.
     *
     * @param path     where it is: names of fields and indexes of array items
     * @param name     its name ({@code body} for the whole body)
     * @param schema   its schema
     * @param required whether its object requires it
     */
    record Slot(List<Object> path, String name, JsonNode schema, boolean required) {

        String type() {
            return SchemaValues.type(schema);
        }

        /** Text without a form: no pattern (but "not blank"), enum or format. */
        boolean isFreeText() {
            return type().equals("string") && (!schema.has("pattern") || isNotBlank(schema))
                    && !schema.has("enum") && !schema.has("format");
        }

        String where() {
            return path.isEmpty() ? "body" : path.stream().map(String::valueOf).reduce((a, b) -> a + "." + b)
                    .orElseThrow();
        }
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText)
                    .filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    static boolean isDate(JsonNode schema) {
        return "date".equals(schema.path("format").asText());
    }

    /** A value the schema describes, with plausible text, dates of last month and one item per array. */
    static JsonNode base(JsonNode schema, String name) {
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").fields()
                        .forEachRemaining(p -> object.set(p.getKey(), base(p.getValue(), p.getKey())));
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(base(schema.path("items"), name));
                return array;
            }
            case "integer", "number" -> {
                return JSON.numberNode(schema.path("minimum").asLong(1));
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            default -> {
                return JSON.textNode(text(schema, name));
            }
        }
    }

    private static String text(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        switch (schema.path("format").asText()) {
            case "date" -> {
                return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1).toString();
            }
            case "date-time" -> {
                return java.time.Instant.now().toString();
            }
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            default -> {
            }
        }
        List<String> tries = new ArrayList<>();
        BY_NAME.forEach((hint, value) -> {
            if (name.toLowerCase(Locale.ROOT).contains(hint)) {
                tries.add(value);
            }
        });
        tries.addAll(CANDIDATES);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return tries.stream().filter(t -> t.length() <= max).filter(t -> matches(schema, t)).findFirst()
                .orElse("x");
    }

    /** Whether the value has the schema's pattern: a whole match, as Bean Validation's, but "not blank". */
    static boolean matches(JsonNode schema, String value) {
        if (!schema.has("pattern")) {
            return true;
        }
        java.util.regex.Matcher matcher = Pattern.compile(schema.path("pattern").asText()).matcher(value);
        return isNotBlank(schema) ? matcher.find() : matcher.matches();
    }

    /** The pattern OpenAPI documents for {@code @NotBlank}: some character that is not white space. */
    static boolean isNotBlank(JsonNode schema) {
        return schema.path("pattern").asText().equals("\\S");
    }

    /** Every field of a body of this schema (the body itself first), as {@link #base} lays it out. */
    static List<Slot> slots(JsonNode schema) {
        List<Slot> slots = new ArrayList<>();
        collect(schema, new ArrayList<>(), "body", true, slots);
        return slots;
    }

    private static void collect(JsonNode schema, List<Object> path, String name, boolean required,
            List<Slot> slots) {
        slots.add(new Slot(List.copyOf(path), name, schema, required));
        if (type(schema).equals("object")) {
            List<String> requiredNames = new ArrayList<>();
            schema.path("required").forEach(r -> requiredNames.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(p -> {
                List<Object> inner = new ArrayList<>(path);
                inner.add(p.getKey());
                collect(p.getValue(), inner, p.getKey(), requiredNames.contains(p.getKey()), slots);
            });
        } else if (type(schema).equals("array")) {
            List<Object> inner = new ArrayList<>(path);
            inner.add(0);
            collect(schema.path("items"), inner, name, true, slots);
        }
    }

    /** A copy of {@code root} with the node at {@code path} replaced by {@code value} (removed when null). */
    static JsonNode with(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, value);
            }
        }
        return copy;
    }

    /** The node at {@code path}. */
    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node;
    }
}
