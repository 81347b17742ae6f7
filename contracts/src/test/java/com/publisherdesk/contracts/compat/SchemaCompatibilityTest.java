package com.publisherdesk.contracts.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every event schema stays backward compatible with the last release (the copy under {@code contracts/baseline}):
 * this test fails {@code ./mvnw verify} on a removed or renamed field, a type change, a newly required field or a
 * narrowed enum. See {@code contracts/baseline/README.md} for refreshing the baseline when a release is cut.
 */
class SchemaCompatibilityTest {

    static final Path BASELINE = Path.of("baseline/schemas");
    static final Path CURRENT = Path.of("src/main/resources/schemas");
    private static final String APPROVED = "com.publisherdesk.credit.approved.v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepEverySchemaBackwardCompatibleWithTheLastRelease() throws IOException {
        List<String> breaks = BaselineComparison.breaks(BASELINE, CURRENT);
        assertEquals(List.of(), breaks, "backward-incompatible schema changes (give the event a new type, "
                + "...v2, instead)");
    }

    @Test
    void shouldKeepEveryObjectOpenToFieldsAddedLater() throws IOException {
        List<String> closed = new ArrayList<>();
        try (Stream<Path> files = Files.list(CURRENT)) {
            for (Path file : files.sorted().toList()) {
                collectClosed(file.getFileName().toString(), JSON.readTree(file.toFile()), closed);
            }
        }
        assertEquals(List.of(), closed, "objects closed to unknown fields");
    }

    @Test
    void shouldFailTheBuildWhenACopyOfTheSchemasDropsAField(@TempDir Path copy) throws IOException {
        copySchemas(copy);
        modify(copy.resolve(APPROVED), schema -> properties(schema).remove("creditNoteNumber"));

        List<String> breaks = BaselineComparison.breaks(BASELINE, copy);

        assertTrue(breaks.contains(APPROVED + " $.creditNoteNumber: field removed (or renamed)"), breaks::toString);
    }

    @Test
    void shouldFailTheBuildWhenACopyOfTheSchemasLosesAnEventType(@TempDir Path copy) throws IOException {
        copySchemas(copy);
        Files.delete(copy.resolve(APPROVED));

        assertEquals(List.of(APPROVED + ": schema removed"), BaselineComparison.breaks(BASELINE, copy));
    }

    @Test
    void shouldReportARenamedField() throws IOException {
        JsonNode released = released();
        ObjectNode renamed = released.deepCopy();
        properties(renamed).set("creditNote", properties(renamed).remove("creditNoteNumber"));
        ((ArrayNode) renamed.get("required")).removeAll().add("creditNote");

        List<String> breaks = SchemaCompatibility.breaks(released, renamed);

        assertTrue(breaks.contains("$.creditNoteNumber: field removed (or renamed)"), breaks::toString);
        assertTrue(breaks.contains("$.creditNote: newly required"), breaks::toString);
    }

    @Test
    void shouldReportATypeChange() throws IOException {
        JsonNode released = released();
        ObjectNode changed = released.deepCopy();
        ((ObjectNode) properties(changed).get("amount")).put("type", "number");

        assertEquals(List.of("$.amount: type changed from [string] to [number]"),
                SchemaCompatibility.breaks(released, changed));
    }

    @Test
    void shouldReportAFieldThatBecameRequired() throws IOException {
        JsonNode released = released();
        ObjectNode changed = released.deepCopy();
        ((ArrayNode) changed.get("required")).add("review");

        assertEquals(List.of("$.review: newly required"), SchemaCompatibility.breaks(released, changed));
    }

    @Test
    void shouldReportANarrowedEnumInANestedObject() throws IOException {
        JsonNode released = released();
        ObjectNode changed = released.deepCopy();
        ObjectNode outcome = (ObjectNode) properties((ObjectNode) properties(changed).get("review")).get("outcome");
        outcome.putArray("enum").add("approved");

        assertEquals(List.of("$.review.outcome: enum narrowed, [denied] no longer allowed"),
                SchemaCompatibility.breaks(released, changed));
    }

    @Test
    void shouldReportAnObjectClosedToUnknownFields() throws IOException {
        JsonNode current = JSON.readTree(CURRENT.resolve(APPROVED).toFile());
        ObjectNode closed = current.deepCopy();
        closed.put("additionalProperties", false);

        assertEquals(List.of("$: closed to unknown fields"), SchemaCompatibility.breaks(current, closed));
    }

    @Test
    void shouldAcceptAdditiveChanges() throws IOException {
        JsonNode released = released();
        ObjectNode added = released.deepCopy();
        properties(added).putObject("creditNoteUrl").put("type", "string");
        ObjectNode outcome = (ObjectNode) properties((ObjectNode) properties(added).get("review")).get("outcome");
        ((ArrayNode) outcome.get("enum")).add("escalated");
        added.put("additionalProperties", true);

        assertEquals(List.of(), SchemaCompatibility.breaks(released, added));
    }

    private static JsonNode released() throws IOException {
        return JSON.readTree(BASELINE.resolve(APPROVED).toFile());
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static void copySchemas(Path copy) throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    private static void modify(Path file, Consumer<ObjectNode> change) throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(schema);
        JSON.writeValue(file.toFile(), schema);
    }

    private static void collectClosed(String where, JsonNode schema, List<String> closed) {
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isBoolean() && !additional.asBoolean()) {
            closed.add(where);
        }
        schema.path("properties").fields().forEachRemaining(f -> collectClosed(where + "." + f.getKey(), f.getValue(),
                closed));
        if (additional.isObject()) {
            collectClosed(where + ".*", additional, closed);
        }
        if (schema.has("items")) {
            collectClosed(where + "[]", schema.get("items"), closed);
        }
    }
}
