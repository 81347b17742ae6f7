package com.publisherdesk.systemtests;

import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.quicktheories.core.Gen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.publisherdesk.systemtests.SchemaValues.Slot;

/**
 * Generators of hostile requests for one operation, made from its OpenAPI description alone: each category of
 * hostility mutates a plausible request (a body the schema describes, parameters it documents) in a way the desk
 * must refuse. The values come from QuickTheories generators, so a failure is shrunk to a small example.
 */
final class HostileInputs {

    /** The most a request body may weigh, except for operator imports. */
    static final int BODY_LIMIT = 64 * 1024;
    /** The most an operator import (a body that is a JSON array of records) may weigh. */
    static final int IMPORT_LIMIT = 16 * 1024 * 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder()
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    /** The kinds of hostile input, as the report names them. */
    enum Category {
        MALFORMED_JSON("malformed JSON"), WRONG_TYPE("wrong JSON type"), MISSING_FIELD("missing required field"),
        UNKNOWN_FIELD("unknown field"), HUGE_BODY("body over the limit"), HUGE_STRING("string over its limit"),
        ODD_UNICODE("odd Unicode"), INJECTION("injection string"), BAD_AMOUNT("bad amount"),
        BAD_DATE("impossible date"), UNKNOWN_ENUM("unknown enum value"), WRONG_CONTENT_TYPE("wrong content type"),
        BAD_QUERY("bad query value"), BAD_PATH("bad path value");

        final String label;

        Category(String label) {
            this.label = label;
        }
    }

    /**
     * One request to send.
     *
     * @param category    what is hostile about it
     * @param what        the hostile part, in words
     * @param path        the path, its parameters filled and percent-encoded
     * @param query       the query parameters, unencoded
     * @param contentType its Content-Type, or null for none
     * @param body        its body, or null
     */
    record HostileRequest(Category category, String what, String path, Map<String, String> query,
            String contentType, byte[] body) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
            return category.label + ": " + what + " | " + path + (query.isEmpty() ? "" : " ? " + query)
                    + " | Content-Type " + contentType + " | " + shown;
        }
    }

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE request; --",
            "\" OR \"\"=\"", "admin'--", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)", "x\r\nX-Injected: yes", "%0d%0aSet-Cookie: a=b", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "$(id)", "`id`",
            "%00", "' UNION SELECT NULL--", "{\"$gt\": \"\"}");
    private static final List<String> FORBIDDEN = List.of("\u0000", "\u0007", "\u001b[31m", "\ud800", "\udc00",
            "\u202e", "\u2066", "\u0000\u0000");
    private static final List<String> DECORATIONS = List.of("", "\u200f", "\ud83d\ude00",
            "\ud83d\udc69\u200d\ud83d\udcbb", "e\u0301\u0301\u0301", "\u00a0", "\u05e9\u05dc\u05d5\u05dd",
            "\ufeff");
    private static final List<String> AMOUNTS = List.of("-1.00", "-0.01", "0", "0.00", "0.001", "1.001", "12.345",
            "1e3", "1E+3", "1.5e-2", "99999999999999999999.99", "100000000000", "NaN", "Infinity", "-Infinity",
            "1,00", " 10.00", "10.00 ", "+10.00", "0x1F", "\u0661\u0662\u0660.\u0660\u0660", "10.00EUR", "");
    private static final List<String> DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29",
            "2026-04-31", "0000-01-01", "0001-01-01", "-0001-01-01", "+999999999-12-31", "9999-12-31",
            "1899-12-31", "2026-1-5", "20260101", "2026/01/01", "01/02/2026", "2026-01-01T00:00:00Z", "today",
            "");
    private static final List<String> WORDS = List.of("refund-everything", "ADMIN", "EN", "fr-FR", "other ",
            "*", "%", "null", "undefined", "0", "true", "approved", "zz");
    private static final List<String> UNKNOWN_NAMES = List.of("id", "status", "publisherId", "isAdmin",
            "__proto__", "constructor", "$where", "amountCents", "extra", "role", "approved");

    private final ApiOperation operation;
    private final Map<String, String> basePath;
    private final JsonNode baseBody;
    private final List<Slot> slots;

    HostileInputs(ApiOperation operation) {
        this.operation = operation;
        this.basePath = new LinkedHashMap<>();
        operation.params("path").forEach(p -> basePath.put(p.name(), basePathValue(p)));
        this.baseBody = operation.body() == null ? null : SchemaValues.base(operation.body().schema(), "body");
        this.slots = operation.body() == null ? List.of() : SchemaValues.slots(operation.body().schema());
    }

    private static String basePathValue(ApiOperation.Param param) {
        if (param.name().equals("publisherId")) {
            return "northwind";
        }
        return SchemaValues.base(param.schema(), param.name()).asText();
    }

    /** The plausible body this operation's mutations start from, as JSON. */
    JsonNode baseBody() {
        return baseBody;
    }

    /** The categories that apply to this operation, each with its generator. */
    Map<Category, Gen<HostileRequest>> generators() {
        Map<Category, Gen<HostileRequest>> gens = new LinkedHashMap<>();
        if (operation.body() != null) {
            gens.put(Category.MALFORMED_JSON, malformed());
            gens.put(Category.WRONG_TYPE, pick(slots).flatMap(this::wrongType));
            List<Slot> required = slots.stream().filter(s -> s.required() && !s.path().isEmpty()).toList();
            if (!required.isEmpty()) {
                gens.put(Category.MISSING_FIELD, pick(required).zip(range(0, 2), this::missing));
            }
            List<Slot> objects = slots.stream().filter(s -> s.type().equals("object")).toList();
            if (!objects.isEmpty()) {
                gens.put(Category.UNKNOWN_FIELD, pick(objects).zip(pick(UNKNOWN_NAMES).mix(letters(1, 20)),
                        pick(List.of("\"x\"", "1", "true", "null", "{}", "[]")), this::unknown));
            }
            gens.put(Category.HUGE_BODY, hugeBody());
            List<Slot> strings = slots.stream().filter(s -> s.type().equals("string")).toList();
            if (!strings.isEmpty()) {
                gens.put(Category.HUGE_STRING, pick(strings).zip(range(1, 20_000), pick(List.of("a", "\u00e9",
                        "\u5b57")), this::hugeString));
                gens.put(Category.ODD_UNICODE, pick(strings).zip(pick(FORBIDDEN), pick(DECORATIONS), range(0, 2),
                        this::oddUnicode));
                gens.put(Category.INJECTION, pick(strings).zip(pick(INJECTIONS), this::injection));
            }
            List<Slot> amounts = slots.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains("amount")
                    && !s.type().equals("object")).toList();
            if (!amounts.isEmpty()) {
                gens.put(Category.BAD_AMOUNT, pick(amounts).zip(range(0, AMOUNTS.size() + 2), this::badAmount));
            }
            List<Slot> dates = slots.stream().filter(s -> SchemaValues.isDate(s.schema())).toList();
            if (!dates.isEmpty()) {
                gens.put(Category.BAD_DATE, pick(dates).zip(range(0, DATES.size() + 2), this::badDate));
            }
            List<Slot> enums = slots.stream().filter(s -> s.schema().has("enum")).toList();
            if (!enums.isEmpty()) {
                gens.put(Category.UNKNOWN_ENUM, pick(enums).zip(pick(WORDS), (slot, word) -> body(
                        Category.UNKNOWN_ENUM, slot.where() + " = " + word, slot, JSON.textNode(word))));
            }
            gens.put(Category.WRONG_CONTENT_TYPE, wrongContentType());
        }
        if (!operation.params("query").isEmpty()) {
            gens.put(Category.BAD_QUERY, pick(operation.params("query")).zip(range(0, 1000), this::badQuery));
        }
        if (!operation.params("path").isEmpty()) {
            gens.put(Category.BAD_PATH, pick(operation.params("path")).zip(range(0, 1000), this::badPath));
        }
        return gens;
    }

    private Gen<HostileRequest> malformed() {
        String text = write(baseBody, false);
        List<Function<Integer, String>> ways = List.of(
                cut -> text.substring(0, Math.min(cut, text.length() - 1)),
                cut -> text + "}",
                cut -> text + " {}",
                cut -> text.replace('"', '\''),
                cut -> "/* comment */ " + text,
                cut -> text.replaceFirst("\"([A-Za-z]+)\":", "$1:"),
                cut -> text.replaceFirst(":\\s*\"[^\"]*\"", ": NaN"),
                cut -> text.replaceFirst("\\{\"([A-Za-z]+)\":([^,}]*)", "{\"$1\":$2,\"$1\":$2"),
                cut -> text.replaceFirst("\\{", "{,"),
                cut -> text.substring(0, text.indexOf('"') + 1) + "\\q" + text.substring(text.indexOf('"') + 1),
                cut -> "[".repeat(2000 + cut) + "]".repeat(2000 + cut),
                cut -> "{\"a\":");
        return pick(ways).zip(range(0, Math.max(1, text.length() - 1)), (way, cut) -> {
            String broken = way.apply(cut);
            return new HostileRequest(Category.MALFORMED_JSON, "not JSON", path(basePath), Map.of(),
                    "application/json", broken.getBytes(StandardCharsets.UTF_8));
        }).mix(range(1, Math.max(2, text.length() - 1)).map(at -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, broken, 0, at);
            broken[at] = (byte) 0xC3;
            broken[at + 1] = (byte) 0x28;
            System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
            return new HostileRequest(Category.MALFORMED_JSON, "invalid UTF-8 at byte " + at, path(basePath),
                    Map.of(), "application/json", broken);
        }));
    }

    private Gen<HostileRequest> wrongType(Slot slot) {
        List<JsonNode> wrong = switch (slot.type()) {
            case "object" -> List.of(JSON.textNode("x"), JSON.numberNode(1), JSON.arrayNode(), JSON.booleanNode(true));
            case "array" -> List.of(JSON.objectNode(), JSON.textNode("x"), JSON.numberNode(1));
            case "integer", "number" -> List.of(JSON.textNode("12"), JSON.booleanNode(true), JSON.objectNode(),
                    JSON.arrayNode());
            case "boolean" -> List.of(JSON.textNode("true"), JSON.numberNode(1), JSON.textNode("yes"),
                    JSON.arrayNode(), JSON.objectNode());
            default -> List.of(JSON.numberNode(123), JSON.numberNode(new java.math.BigDecimal("10.5")),
                    JSON.booleanNode(false), JSON.objectNode(), JSON.arrayNode().add("x"),
                    JSON.numberNode(20260101), JSON.arrayNode().add(2026).add(1).add(1));
        };
        return pick(wrong).map(value -> body(Category.WRONG_TYPE, slot.where() + " (" + slot.type() + ") = "
                + value, slot, value));
    }

    private HostileRequest missing(Slot slot, int how) {
        JsonNode value = how == 0 ? null : how == 1 || !slot.type().equals("string") ? JSON.nullNode()
                : JSON.textNode(" ");
        return body(Category.MISSING_FIELD, slot.where() + (value == null ? " left out" : " = " + value), slot,
                value);
    }

    private HostileRequest unknown(Slot object, String name, String value) {
        if (object.schema().path("properties").has(name)) {
            name = name + "X";
        }
        JsonNode node = read(value);
        List<Object> path = new ArrayList<>(object.path());
        path.add(name);
        return new HostileRequest(Category.UNKNOWN_FIELD, object.where() + "." + name + " = " + value,
                path(basePath), Map.of(), "application/json",
                write(SchemaValues.with(baseBody, path, node), false).getBytes(StandardCharsets.UTF_8));
    }

    private Gen<HostileRequest> hugeBody() {
        int limit = SchemaValues.type(operation.body().schema()).equals("array") ? IMPORT_LIMIT : BODY_LIMIT;
        String text = write(baseBody, false);
        List<String> ways = List.of("whitespace", "one long string", "deep nesting");
        return pick(ways).zip(range(1, 4096), (way, extra) -> {
            int size = limit + extra;
            String huge = switch (way) {
                case "whitespace" -> text + " ".repeat(Math.max(0, size - text.length()));
                case "one long string" -> "{\"padding\":\"" + "a".repeat(size) + "\"}";
                default -> "[".repeat(size / 2 + 1) + "]".repeat(size / 2 + 1);
            };
            return new HostileRequest(Category.HUGE_BODY, way + ", " + huge.length() + " bytes", path(basePath),
                    Map.of(), "application/json", huge.getBytes(StandardCharsets.UTF_8));
        });
    }

    private HostileRequest hugeString(Slot slot, int extra, String letter) {
        int max = slot.schema().path("maxLength").asInt(1000);
        int length = Math.min(max + extra, (BODY_LIMIT - 2048) / letter.getBytes(StandardCharsets.UTF_8).length);
        return body(Category.HUGE_STRING, slot.where() + " of " + length + " x " + letter + " (maxLength "
                + slot.schema().path("maxLength").asText("none") + ")", slot, JSON.textNode(letter.repeat(length)));
    }

    private HostileRequest oddUnicode(Slot slot, String forbidden, String decoration, int where) {
        String plausible = SchemaValues.base(slot.schema(), slot.name()).asText();
        String value = switch (where) {
            case 0 -> forbidden + decoration + plausible;
            case 1 -> plausible.substring(0, plausible.length() / 2) + decoration + forbidden
                    + plausible.substring(plausible.length() / 2);
            default -> plausible + decoration + forbidden;
        };
        return body(Category.ODD_UNICODE, slot.where() + " = " + escape(value), slot, JSON.textNode(value));
    }

    private HostileRequest injection(Slot slot, String injection) {
        // Free text is stored as given and never interpreted, so there the attack rides on a NUL byte.
        String value = slot.isFreeText() ? injection + "\u0000" : injection;
        return body(Category.INJECTION, slot.where() + " = " + escape(value), slot, JSON.textNode(value));
    }

    private HostileRequest badAmount(Slot slot, int choice) {
        boolean zeroAllowed = slot.schema().has("minimum") && slot.schema().path("minimum").asDouble() <= 0;
        List<JsonNode> values = new ArrayList<>();
        AMOUNTS.stream().filter(a -> !(zeroAllowed && a.matches("0(\\.0+)?"))).map(JSON::textNode)
                .forEach(values::add);
        values.add(JSON.numberNode(new java.math.BigDecimal("10.00")));
        values.add(JSON.numberNode(-1));
        JsonNode value = values.get(choice % values.size());
        return body(Category.BAD_AMOUNT, slot.where() + " = " + value, slot, value);
    }

    private HostileRequest badDate(Slot slot, int choice) {
        if (choice >= DATES.size()) {
            JsonNode value = choice == DATES.size() ? JSON.numberNode(20260101)
                    : JSON.arrayNode().add(2026).add(1).add(1);
            return body(Category.BAD_DATE, slot.where() + " = " + value, slot, value);
        }
        Slot reversible = reversedPeriodOf(slot);
        if (reversible != null && choice % 3 == 0) {
            JsonNode reversed = SchemaValues.with(SchemaValues.with(baseBody, slot.path(),
                    JSON.textNode("2026-03-31")), reversible.path(), JSON.textNode("2026-03-01"));
            return new HostileRequest(Category.BAD_DATE, "reversed period: " + slot.where() + " = 2026-03-31, "
                    + reversible.where() + " = 2026-03-01", path(basePath), Map.of(), "application/json",
                    write(reversed, false).getBytes(StandardCharsets.UTF_8));
        }
        String value = DATES.get(choice);
        return body(Category.BAD_DATE, slot.where() + " = " + value, slot, JSON.textNode(value));
    }

    /** The date field that closes the period {@code slot} opens ({@code from}/{@code to}, xFrom/xTo, start/end). */
    private Slot reversedPeriodOf(Slot slot) {
        String name = slot.name();
        String lower = name.toLowerCase(Locale.ROOT);
        String partner = lower.endsWith("from") ? name.substring(0, name.length() - 4) + (lower.equals("from")
                ? "to" : "To") : lower.endsWith("start") ? name.substring(0, name.length() - 5)
                        + (lower.equals("start") ? "end" : "End") : null;
        if (partner == null) {
            return null;
        }
        List<Object> sibling = new ArrayList<>(slot.path().subList(0, slot.path().size() - 1));
        sibling.add(partner);
        return slots.stream().filter(s -> s.path().equals(sibling) && SchemaValues.isDate(s.schema()))
                .findFirst().orElse(null);
    }

    private Gen<HostileRequest> wrongContentType() {
        String text = write(baseBody, false);
        List<String> types = new ArrayList<>(List.of("text/plain", "application/x-www-form-urlencoded",
                "application/xml", "multipart/form-data; boundary=x", "application/octet-stream", "none"));
        types.removeIf(t -> operation.body().mediaTypes().contains(t));
        return pick(types).map(type -> {
            String body = switch (type) {
                case "application/x-www-form-urlencoded" -> "subscriptionId=sub-1001&amount=10.00";
                case "application/xml" -> "<?xml version=\"1.0\"?><request><amount>10.00</amount></request>";
                case "multipart/form-data; boundary=x" -> "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
                        + text + "\r\n--x--\r\n";
                default -> text;
            };
            return new HostileRequest(Category.WRONG_CONTENT_TYPE, "Content-Type " + type, path(basePath),
                    Map.of(), type.equals("none") ? null : type, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    private HostileRequest badQuery(ApiOperation.Param param, int choice) {
        Map<String, String> query = new LinkedHashMap<>();
        operation.params("query").stream().filter(ApiOperation.Param::required)
                .forEach(p -> query.put(p.name(), SchemaValues.base(p.schema(), p.name()).asText()));
        List<String> values = badValues(param);
        if (param.required()) {
            values.add(null);
        }
        String closing = closingParamOf(param);
        if (closing != null && choice % 4 == 0) {
            query.put(param.name(), "2026-03-31");
            query.put(closing, "2026-03-01");
            return new HostileRequest(Category.BAD_QUERY, "reversed period: " + param.name() + " = 2026-03-31, "
                    + closing + " = 2026-03-01", path(basePath), query, baseBody == null ? null : "application/json",
                    baseBody == null ? null : write(baseBody, false).getBytes(StandardCharsets.UTF_8));
        }
        String value = values.get(choice % values.size());
        if (value == null) {
            query.remove(param.name());
        } else {
            query.put(param.name(), value);
        }
        JsonNode body = baseBody;
        return new HostileRequest(Category.BAD_QUERY, param.name() + (value == null ? " left out" : " = "
                + escape(value)), path(basePath), query, body == null ? null : "application/json",
                body == null ? null : write(body, false).getBytes(StandardCharsets.UTF_8));
    }

    private HostileRequest badPath(ApiOperation.Param param, int choice) {
        List<String> values = badValues(param);
        values.removeIf(String::isEmpty);
        String value = values.get(choice % values.size());
        Map<String, String> filled = new LinkedHashMap<>(basePath);
        filled.put(param.name(), value);
        return new HostileRequest(Category.BAD_PATH, param.name() + " = " + escape(value), path(filled), Map.of(),
                baseBody == null ? null : "application/json",
                baseBody == null ? null : write(baseBody, false).getBytes(StandardCharsets.UTF_8));
    }

    /** The date parameter that closes the period {@code param} opens ({@code from} and {@code to}), if any. */
    private String closingParamOf(ApiOperation.Param param) {
        if (!isDateParam(param.schema()) || !param.name().toLowerCase(Locale.ROOT).endsWith("from")) {
            return null;
        }
        String name = param.name().substring(0, param.name().length() - 4)
                + (param.name().equals("from") ? "to" : "To");
        return operation.params("query").stream().filter(p -> p.name().equals(name) && isDateParam(p.schema()))
                .map(ApiOperation.Param::name).findFirst().orElse(null);
    }

    /** Values the parameter's schema refuses: out of range, of the wrong form, or not an opaque value it gave. */
    private static List<String> badValues(ApiOperation.Param param) {
        JsonNode schema = param.schema();
        List<String> values = new ArrayList<>();
        int max = schema.path("maxLength").asInt(200);
        String type = SchemaValues.type(schema);
        if (type.equals("integer") || type.equals("number")) {
            long min = schema.path("minimum").asLong(Long.MIN_VALUE);
            long top = schema.path("maximum").asLong(Long.MAX_VALUE);
            // An empty value is read as no value (the parameter's default), as JAX-RS does, so it is not sent.
            for (String v : List.of("0", "-1", "1000000000", "99999999999999999999", "abc", "1.5", "1e3", " 5",
                    "0x10", "\u0663", String.valueOf(min - 1), String.valueOf(top + 1))) {
                try {
                    long n = Long.parseLong(v);
                    if (n < min || n > top) {
                        values.add(v);
                    }
                } catch (NumberFormatException e) {
                    values.add(v);
                }
            }
            return values;
        }
        if (schema.has("enum")) {
            values.addAll(WORDS);
        } else if ("uuid".equals(schema.path("format").asText())) {
            values.addAll(List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g", "' OR '1'='1",
                    "../" + UUID.randomUUID()));
        } else if (isDateParam(schema)) {
            values.addAll(DATES.stream().filter(d -> !d.isEmpty()).toList());
        } else if (schema.has("pattern")) {
            INJECTIONS.stream().filter(v -> !SchemaValues.matches(schema, v)).forEach(values::add);
            WORDS.stream().filter(v -> !SchemaValues.matches(schema, v)).forEach(values::add);
        } else {
            // An opaque value (a cursor): only what the API gave is accepted.
            String uuid = UUID.randomUUID().toString();
            values.addAll(List.of("garbage", "%%%", "", base64("x|y"), base64("+1000000000-01-01T00:00:00Z|" + uuid),
                    base64("2026-02-30T00:00:00Z|" + uuid), base64("2026-01-01T00:00:00Z|not-a-uuid"),
                    "' OR '1'='1", "../../etc/passwd"));
            values.addAll(WORDS);
        }
        values.add("x".repeat(Math.min(max + 1, 1500)) + (schema.has("maxLength") ? "" : "\u0000"));
        values.add("a\u0000b");
        values.add("\u202egnp.exe");
        return values;
    }

    private static boolean isDateParam(JsonNode schema) {
        return SchemaValues.isDate(schema) || schema.path("pattern").asText().contains("\\d{4}-\\d{2}-\\d{2}");
    }

    private HostileRequest body(Category category, String what, Slot slot, JsonNode value) {
        JsonNode mutated = SchemaValues.with(baseBody, slot.path(), value);
        boolean escape = value != null && value.isTextual() && value.asText().chars()
                .anyMatch(c -> Character.isSurrogate((char) c));
        return new HostileRequest(category, what, path(basePath), Map.of(), "application/json",
                write(mutated, escape).getBytes(StandardCharsets.UTF_8));
    }

    private String path(Map<String, String> values) {
        String path = operation.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        return path;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Gen<String> letters(int min, int max) {
        return range(min, max).zip(range(0, 25), (length, first) -> {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append((char) ('a' + (first + i * 7) % 26));
            }
            return name.toString();
        });
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value) {
        StringBuilder shown = new StringBuilder();
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        cut.chars().forEach(c -> shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return shown.toString();
    }

    private static String write(JsonNode node, boolean escapeNonAscii) {
        try {
            return (escapeNonAscii ? ESCAPING : PLAIN).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
