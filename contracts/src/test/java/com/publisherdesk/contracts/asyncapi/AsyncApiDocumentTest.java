package com.publisherdesk.contracts.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Topics;

/** The AsyncAPI document the build generated is valid AsyncAPI 3.0 and describes every topic and event type. */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = resource(AsyncApiDocument.RESOURCE)) {
            assertNotNull(in, "the build did not generate " + AsyncApiDocument.RESOURCE);
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void shouldBeValidUnderTheAsyncApi300JsonSchema() throws IOException {
        Set<ValidationMessage> errors = asyncApiSchema().validate(document);
        assertTrue(errors.isEmpty(), () -> "not valid AsyncAPI 3.0.0: " + errors);
        assertEquals("3.0.0", document.path("asyncapi").asText());
    }

    @Test
    void shouldTellADocumentThatIsNotAsyncApi300() throws IOException {
        ObjectNode broken = document.deepCopy();
        ((ObjectNode) broken.path("operations").path("publish-credit-decisions")).put("action", "publish");

        assertTrue(!asyncApiSchema().validate(broken).isEmpty(), "an AsyncAPI 2 action passed as 3.0");
    }

    private static JsonSchema asyncApiSchema() throws IOException {
        try (InputStream in = resource("asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void shouldBeWhatTheCatalogueSaysToday() {
        JsonNode built = JSON.valueToTree(AsyncApiDocument.build(document.path("info").path("version").asText()));
        assertEquals(built, JSON.valueToTree(document), "the generated document is stale: rebuild contracts");
    }

    @Test
    void shouldHaveAChannelForEveryTopicTheDeskWrites() {
        List<String> topics = new ArrayList<>(Topics.DESK);
        topics.addAll(Topics.SUPPORT_CHANNELS);
        topics.forEach(topic -> assertEquals(topic, document.path("channels").path(topic).path("address").asText(),
                "no channel for " + topic));
    }

    @TestFactory
    Stream<DynamicTest> shouldDescribeEveryEventTypeOnItsTopicsWithItsSchema() {
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            JsonNode message = document.path("components").path("messages").path(type.name());
            assertEquals(type.name(), message.path("name").asText(), "no message for " + type.name());
            for (String topic : DeskChannels.topicsOf(type)) {
                assertEquals("#/components/messages/" + type.name(), document.path("channels").path(topic)
                        .path("messages").path(type.name()).path("$ref").asText(), type.name() + " not on " + topic);
                assertTrue(operationMessages(topic).contains("#/channels/" + topic + "/messages/" + type.name()),
                        "no operation sends " + type.name() + " on " + topic);
            }
            assertSchemaReferenced(type, message);
            JsonNode headers = message.path("headers").path("properties");
            assertEquals(type.name(), headers.path("ce_type").path("const").asText());
            assertEquals(type.dataSchema().toString(), headers.path("ce_dataschema").path("const").asText());
        }));
    }

    private static void assertSchemaReferenced(EventType<?> type, JsonNode message) throws IOException {
        JsonNode payload = message.path("payload");
        assertEquals(AsyncApiDocument.SCHEMA_FORMAT, payload.path("schemaFormat").asText());
        String reference = payload.path("schema").path("$ref").asText();
        String resolved = URI.create("jar:/" + AsyncApiDocument.RESOURCE).resolve(reference).getPath().substring(1);
        try (InputStream in = resource(resolved)) {
            assertNotNull(in, type.name() + " references " + reference + ", which is not in the jar");
            assertEquals(type.dataSchema().toString(), JSON.readTree(in).path("$id").asText());
        }
        assertEquals(1, payload.path("schema").size(), "the schema is referenced, not copied");
    }

    private static List<String> operationMessages(String topic) {
        List<String> references = new ArrayList<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("channel").path("$ref").asText().equals("#/channels/" + topic)) {
                operation.path("messages").forEach(m -> references.add(m.path("$ref").asText()));
            }
        });
        return references;
    }

    private static InputStream resource(String name) {
        return AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name);
    }
}
