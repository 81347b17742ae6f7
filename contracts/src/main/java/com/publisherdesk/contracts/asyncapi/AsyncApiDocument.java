package com.publisherdesk.contracts.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;

/**
 * Writes the AsyncAPI 3.0 document of every topic the desk writes and every event type on it, from the {@link Events}
 * catalogue, the {@link DeskChannels} and the JSON Schemas (referenced, never copied). Run by the build
 * ({@code process-classes}), it writes {@code asyncapi/publisher-desk.yaml} beside the schemas in this module's jar.
 */
public final class AsyncApiDocument {

    /** Where the document is in this module's jar; its payload references are relative to it. */
    public static final String RESOURCE = "asyncapi/publisher-desk.yaml";
    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper SCHEMAS = new ObjectMapper();

    private AsyncApiDocument() {
    }

    /** Writes the document: {@code args[0]} the file, {@code args[1]} the release version. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml(build(args[1])));
    }

    /** The document, as a tree. */
    public static ObjectNode build(String version) {
        ObjectNode document = JSON.objectNode().put("asyncapi", "3.0.0")
                .put("id", "urn:com:publisherdesk:events");
        document.set("info", DeskChannels.info(version));
        document.put("defaultContentType", "application/json");
        document.set("servers", DeskChannels.servers());
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        for (DeskChannels.Channel channel : DeskChannels.all()) {
            ObjectNode node = channels.putObject(channel.topic()).put("address", channel.topic())
                    .put("description", channel.description());
            ObjectNode channelMessages = node.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + channel.topic()).put("action", "send")
                    .put("title", channel.writer() + " publishes on " + channel.topic());
            operation.putObject("channel").put("$ref", "#/channels/" + channel.topic());
            for (String message : channel.messages()) {
                channelMessages.putObject(message).put("$ref", "#/components/messages/" + message);
                operation.withArray("messages").addObject()
                        .put("$ref", "#/channels/" + channel.topic() + "/messages/" + message);
            }
        }
        Events.ALL.forEach(type -> messages.set(type.name(), message(type)));
        messages.set(DeskChannels.DEAD_LETTER, DeskChannels.deadLetterMessage());
        return document;
    }

    /** The document as YAML. */
    public static String yaml(ObjectNode document) {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build());
        try {
            return "# Generated from the contracts module at build time; do not edit.\n"
                    + yaml.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode message(EventType<?> type) {
        JsonNode schema = schemaOf(type);
        ObjectNode message = JSON.objectNode().put("name", type.name())
                .put("title", type.payload().getSimpleName())
                .put("summary", schema.path("description").asText(schema.path("title").asText()))
                .put("contentType", "application/json");
        message.set("headers", DeskChannels.cloudEventHeaders(type));
        ObjectNode payload = message.putObject("payload").put("schemaFormat", SCHEMA_FORMAT);
        payload.putObject("schema").put("$ref", "../" + type.schemaResource());
        message.set("bindings", DeskChannels.keyedByRequest());
        return message;
    }

    private static JsonNode schemaOf(EventType<?> type) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema for " + type.name() + " at " + type.schemaResource());
            }
            return SCHEMAS.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message keys of the event types a topic carries. */
    static List<String> messagesOn(String topic) {
        return Events.ALL.stream().filter(type -> DeskChannels.topicsOf(type).contains(topic))
                .map(EventType::name).toList();
    }
}
