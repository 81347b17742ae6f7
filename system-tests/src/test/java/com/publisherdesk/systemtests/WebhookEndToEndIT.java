package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.ServiceProcess;
import com.publisherdesk.devstack.WebhookReceiver;
import com.publisherdesk.devstack.WebhookReceiver.Delivery;

import io.restassured.http.ContentType;

/**
 * Publishers' webhooks end to end: a receiver that fails its first deliveries and is down while the service that
 * delivers them is killed and started again still gets every event of its publisher's requests, each signed, each
 * request's events in order, and never another publisher's.
 */
class WebhookEndToEndIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private static final List<String> TYPES = List.of(Events.REQUEST_SUBMITTED.name(), Events.CREDIT_APPROVED.name(),
            Events.CREDIT_AWAITING_AUTHORIZATION.name(), Events.CREDIT_DENIED.name(),
            Events.CREDIT_REVIEW_REQUIRED.name(), Events.ACKNOWLEDGEMENT_SENT.name(), Events.RESULT_SENT.name());
    /** A decision, approval or denial, whichever the credits filed before made it. */
    private static final String DECIDED = "decided";
    private static final List<String> CREDIT_JOURNEY = List.of(Events.REQUEST_SUBMITTED.name(), DECIDED,
            Events.ACKNOWLEDGEMENT_SENT.name(), Events.RESULT_SENT.name());
    private static final Set<String> DECISIONS = Set.of(Events.CREDIT_APPROVED.name(),
            Events.CREDIT_AWAITING_AUTHORIZATION.name(), Events.CREDIT_DENIED.name());

    private static RunningDesk desk;
    private static ServiceProcess notifications;
    private static final Map<String, String> HOOKS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        notifications = desk.services().get("notification-service");
    }

    @AfterAll
    static void removeHooks() throws Exception {
        if (!notifications.isAlive()) {
            notifications.start().awaitReady(READY);
        }
        HOOKS.forEach((hook, publisher) -> desk.asAdminOf(publisher).delete(webhooks(publisher) + "/" + hook));
    }

    @Test
    void shouldDeliverEveryEventSignedAndInOrderThoughTheReceiverFailsAndIsDownWhileTheDeskRestarts()
            throws Exception {
        try (WebhookReceiver northwind = WebhookReceiver.start(); WebhookReceiver lumiere = WebhookReceiver.start()) {
            String hook = register("northwind", northwind);
            register("lumiere", lumiere);
            northwind.failNext(3);
            List<String> ours = new ArrayList<>(List.of(Credits.file(desk, "northwind", 5, "6.00"),
                    Credits.file(desk, "northwind", 6, "6.00")));
            String theirs = Credits.file(desk, "lumiere", 1, "2.00");
            await().atMost(Duration.ofSeconds(60)).until(() -> northwind.attempts() >= 3);

            northwind.down();
            notifications.kill();
            ours.add(Credits.file(desk, "northwind", 7, "6.00"));
            ours.add(Credits.file(desk, "northwind", 8, "6.00"));
            notifications.start().awaitReady(READY);
            await().atMost(Duration.ofSeconds(60)).until(() -> failedWhileDown(hook));
            northwind.up();

            Map<String, List<String>> expected = new LinkedHashMap<>();
            ours.forEach(id -> expected.put(id, CREDIT_JOURNEY));
            expected.put(theirs, List.of(Events.REQUEST_SUBMITTED.name(), DECIDED, Events.ACKNOWLEDGEMENT_SENT.name()));
            try {
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertEquals(expected, received(expected, northwind, lumiere)));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "\nnorthwind's delivery log: " + deliveryLog(hook)
                        + "\nnotification-service's log ends: " + tail(notifications.log()), e);
            }

            assertEquals(0, northwind.badSignatures() + lumiere.badSignatures(), "deliveries with a bad signature");
            assertOnlyTheirOwn(northwind, "northwind", theirs);
            assertOnlyTheirOwn(lumiere, "lumiere", ours.toArray(String[]::new));
            ours.forEach(id -> assertInOrder(northwind.about(id), id));
            assertEveryPublishedEventArrived(northwind, ours);
        }
    }

    /** For each request, the expected types it was sent so far. */
    private static Map<String, List<String>> received(Map<String, List<String>> expected, WebhookReceiver northwind,
            WebhookReceiver lumiere) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        expected.forEach((id, types) -> {
            List<String> seen = types(northwind.about(id).isEmpty() ? lumiere.about(id) : northwind.about(id))
                    .stream().map(type -> DECISIONS.contains(type) ? DECIDED : type).toList();
            received.put(id, types.stream().filter(seen::contains).toList());
        });
        return received;
    }

    private static String deliveryLog(String hook) {
        return desk.asAdminOf("northwind").get(webhooks("northwind") + "/" + hook + "/deliveries?limit=100")
                .asString();
    }

    private static String tail(java.nio.file.Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static boolean failedWhileDown(String hook) {
        return desk.asAdminOf("northwind").get(webhooks("northwind") + "/" + hook + "/deliveries?limit=100").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .anyMatch(d -> d.get("lastStatusCode") == null && d.get("lastError") != null);
    }

    /** The request's submission first, then each writer's events in the order they occurred. */
    private static void assertInOrder(List<Delivery> deliveries, String requestId) {
        Map<String, Delivery> first = new LinkedHashMap<>();
        deliveries.forEach(d -> first.putIfAbsent(d.id(), d));
        List<Delivery> seen = List.copyOf(first.values());
        assertEquals(Events.REQUEST_SUBMITTED.name(), seen.get(0).type(), requestId + ": " + types(seen));
        Map<String, List<Instant>> bySource = new HashMap<>();
        seen.forEach(d -> bySource.computeIfAbsent(d.event().path("source").asText(), s -> new ArrayList<>())
                .add(Instant.parse(d.event().path("time").asText())));
        bySource.forEach((source, times) -> assertEquals(times.stream().sorted().toList(), times,
                requestId + ": events of " + source + " out of order: " + types(seen)));
    }

    private static void assertOnlyTheirOwn(WebhookReceiver receiver, String publisherId, String... others) {
        Set<String> foreign = Set.of(others);
        for (Delivery delivery : receiver.accepted()) {
            assertTrue(!foreign.contains(delivery.subject()), publisherId + " was sent " + delivery.subject());
            String named = delivery.data().path("publisherId").asText(publisherId);
            assertEquals(publisherId, named, publisherId + " was sent an event of " + named);
        }
    }

    /** Every event of those types the desk published about the requests reached the receiver. */
    private static void assertEveryPublishedEventArrived(WebhookReceiver receiver, List<String> requests) {
        Set<String> published = published(Set.copyOf(requests));
        Set<String> arrived = receiver.accepted().stream().map(Delivery::id).collect(Collectors.toSet());
        assertTrue(published.size() >= requests.size() * CREDIT_JOURNEY.size(), "published: " + published);
        Set<String> missing = new java.util.TreeSet<>(published);
        missing.removeAll(arrived);
        assertEquals(Set.of(), missing, "published but never delivered");
    }

    private static Set<String> published(Set<String> requests) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", desk.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.REQUESTS, Topics.CREDIT_DECISIONS, Topics.NOTIFICATIONS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<String> ids = new java.util.HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String type = header(record, "ce_type");
                    if (requests.contains(record.key()) && TYPES.contains(type)) {
                        ids.add(header(record, "ce_id"));
                    }
                }
            }
            return ids;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> types(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::type).distinct().toList();
    }

    private static String register(String publisherId, WebhookReceiver receiver) {
        var created = desk.asAdminOf(publisherId).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", TYPES, "description", "Back office"))
                .post(webhooks(publisherId)).then().statusCode(201).extract().jsonPath();
        receiver.secret(created.getString("secret"));
        HOOKS.put(created.getString("webhook.id"), publisherId);
        return created.getString("webhook.id");
    }

    private static String webhooks(String publisherId) {
        return desk.url("notification-service") + "/v1/publishers/" + publisherId + "/webhooks";
    }
}
