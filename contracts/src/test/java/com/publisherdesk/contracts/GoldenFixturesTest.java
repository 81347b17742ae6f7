package com.publisherdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every event's wire form is pinned by a golden fixture and its JSON Schema: renaming or dropping a field fails here.
 * Run with {@code -Dgolden.write=true} to write missing fixtures after an additive change.
 */
class GoldenFixturesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final ObjectMapper mapper = EventJson.mapper();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TestFactory
    Stream<DynamicTest> everyEventMatchesItsGoldenFixture() {
        return SampleEvents.all().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey().name(),
                () -> assertMatchesGolden(sample.getKey(), sample.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFixtureIsValidUnderItsSchemaAndReadsBack() {
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            JsonNode golden = mapper.readTree(GOLDEN.resolve(type.name() + ".json").toFile());
            Set<ValidationMessage> errors = schema(type).validate(golden);
            assertTrue(errors.isEmpty(), () -> type.name() + " violates its schema: " + errors);
            Object read = mapper.treeToValue(golden, type.payload());
            assertEquals(golden, mapper.valueToTree(read), "reading and writing back changes " + type.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyVariantMatchesItsGoldenFixtureIsValidUnderItsSchemaAndReadsBack() {
        return SampleEvents.variants().entrySet().stream().map(variant -> {
            EventType<?> type = variant.getValue().getKey();
            String fixture = variant.getKey();
            return DynamicTest.dynamicTest(fixture, () -> {
                assertMatchesGolden(fixture, variant.getValue().getValue());
                JsonNode golden = mapper.readTree(GOLDEN.resolve(fixture + ".json").toFile());
                Set<ValidationMessage> errors = schema(type).validate(golden);
                assertTrue(errors.isEmpty(), () -> fixture + " violates its schema: " + errors);
                assertEquals(golden, mapper.valueToTree(mapper.treeToValue(golden, type.payload())),
                        "reading and writing back changes " + fixture);
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasASampleAndASchema() {
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            assertTrue(SampleEvents.all().containsKey(type), "no sample for " + type.name());
            assertNotNull(getClass().getResource("/schemas/" + type.name() + ".json"), "no schema for " + type.name());
            assertEquals(type, Events.byName(type.name()).orElseThrow());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyEventsDataSchemaIsItsSchemasId() {
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            try (InputStream in = getClass().getResourceAsStream("/" + type.schemaResource())) {
                assertEquals(type.dataSchema().toString(), mapper.readTree(in).path("$id").asText());
            }
        }));
    }

    private void assertMatchesGolden(EventType<?> type, Object sample) throws IOException {
        assertMatchesGolden(type.name(), sample);
    }

    private void assertMatchesGolden(String name, Object sample) throws IOException {
        JsonNode actual = mapper.valueToTree(sample);
        Path fixture = GOLDEN.resolve(name + ".json");
        if (!Files.exists(fixture) && Boolean.getBoolean("golden.write")) {
            Files.writeString(fixture, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertTrue(Files.exists(fixture), "missing golden fixture " + fixture);
        assertEquals(mapper.readTree(fixture.toFile()), actual, "the wire form of " + name + " changed");
    }

    private JsonSchema schema(EventType<?> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.name() + ".json")) {
            return schemas.getSchema(in);
        }
    }
}
