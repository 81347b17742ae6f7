package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;

/**
 * What the services publish, read from their sources and configuration, is all in the AsyncAPI document that
 * contracts generates: every event type an outbox call names, on its topic, and every topic written (dead-letter
 * topics, one per service, and the support channels' topics of the routing catalog included).
 */
class AsyncApiCoverageTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final Pattern CALL = Pattern.compile("\\.publish(To)?\\(");
    private static final Pattern PUBLISH = Pattern.compile("\\.publish(?:To)?\\([^;]*?Events\\.([A-Z_]+)",
            Pattern.DOTALL);
    private static Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (InputStream in = AsyncApiCoverageTest.class.getClassLoader()
                .getResourceAsStream("asyncapi/publisher-desk.yaml")) {
            document = new Yaml().load(in);
        }
    }

    @Test
    void shouldDescribeEveryEventTypeAServicePublishesOnItsTopic() throws Exception {
        Set<String> published = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String service : SERVICES) {
            for (Path source : sources(service)) {
                String code = Files.readString(source);
                Matcher type = PUBLISH.matcher(code);
                int named = 0;
                while (type.find()) {
                    published.add(type.group(1));
                    named++;
                }
                if (named != CALL.matcher(code).results().count()) {
                    unknown.add(ROOT.relativize(source) + " publishes a type not named by an Events constant");
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(published.size() >= 12, "too few publications found: " + published);
        for (String constant : published) {
            EventType<?> type = (EventType<?>) Events.class.getField(constant).get(null);
            assertTrue(section("components", "messages").containsKey(type.name()), "no message " + type.name());
            if (type.topic() != null) {
                assertTrue(channel(type.topic()).containsKey(type.name()), type.name() + " not on " + type.topic());
            }
        }
    }

    @Test
    void shouldHaveAChannelForEveryTopicAServiceWrites() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            topics.add(service + "-dlq");
        }
        JsonNode catalog = new ObjectMapper().readTree(
                ROOT.resolve("request-intake/src/main/resources/support/catalog.json").toFile());
        catalog.path("channels").forEach(channel -> topics.add(channel.path("kafkaTopic").asText()));
        assertTrue(topics.containsAll(List.of("notification-service-dlq", "support-billing")), topics.toString());
        topics.forEach(topic -> assertTrue(!channel(topic).isEmpty(), "no channel with messages for " + topic));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channel(String topic) {
        Map<String, Object> channel = (Map<String, Object>) section("channels").get(topic);
        return channel == null ? Map.of() : (Map<String, Object>) channel.getOrDefault("messages", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String... path) {
        Map<String, Object> node = document;
        for (String key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    private static List<Path> sources(String service) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
