package com.publisherdesk.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SupportRequestDetails;
import com.publisherdesk.contracts.SupportRequestRouted;
import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class SupportRequestResourceTest {

    private static final String PATH = "/v1/publishers/{publisherId}/support-requests";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean tracingOff;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> billing;
    private ConsumerTask<String, String> developerAccount;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        billing = kafka.consumeStrings().fromTopics(Topics.SUPPORT_BILLING);
        developerAccount = kafka.consumeStrings().fromTopics(Topics.SUPPORT_DEVELOPER_ACCOUNT);
    }

    @AfterEach
    void close() {
        billing.close();
        developerAccount.close();
        kafka.close();
    }

    @Test
    void shouldListEveryTopicWithItsChannelInEnglishAndFrenchToAnyAuthenticatedCaller() {
        RestAssured.given().auth().oauth2(DevStackTestResource.tokens().supportAgent("agent@desk.example"))
                .get("/v1/support-topics").then().statusCode(200)
                .body("id", hasItems("billing-error", "inconsistent-statements", "understanding-statement",
                        "manage-web-services", "change-seller-account"),
                        "find { it.id == 'billing-error' }.channel.id", equalTo("billing-support"),
                        "find { it.id == 'change-seller-account' }.channel.id", equalTo("developer-account"),
                        "find { it.id == 'billing-error' }.title.fr", equalTo("Erreur de facturation"),
                        "find { it.id == 'manage-web-services' }.channel.typicalResponseTime.en",
                        equalTo("3 business days"),
                        "channel.kafkaTopic", everyItem(nullValue()));
        RestAssured.given().get("/v1/support-topics").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRouteABillingTopicToTheBillingChannelAndTellWhereItWent() throws Exception {
        String id = file("northwind", SupportRequests.on("billing-error").with("subscriptionId", "sub-1001")
                .with("customerName", "Alpine Bakery SARL").body(), "billing-support", "Billing support");

        SupportRequestRouted routed = routedOn(billing, id);
        assertEquals("billing-error", routed.topic());
        assertEquals("billing-support", routed.channel());
        assertEquals("sub-1001", routed.subscriptionId());
        assertEquals("billing@northwind.example", routed.recipients().to());
        assertEquals(Admins.NORTHWIND, routed.submittedBy());
        assertNothingAbout(Topics.SUPPORT_DEVELOPER_ACCOUNT, id);
    }

    @Test
    void shouldRouteADeveloperAccountTopicToItsChannelAndPublishTheSubmittedRequestWithIt() throws Exception {
        String id = file("lumiere", SupportRequests.on("change-seller-account").body(), "developer-account",
                "Developer account support");

        SupportRequestRouted routed = routedOn(developerAccount, id);
        assertEquals("developer-account", routed.channel());
        assertNothingAbout(Topics.SUPPORT_BILLING, id);
        try (SubmittedRequests requests = new SubmittedRequests(bootstrapServers)) {
            RequestSubmitted submitted = requests.of(id);
            assertEquals("support", submitted.type());
            SupportRequestDetails support = ((RequestDetails.Support) submitted.details()).support();
            assertEquals("change-seller-account", support.topic());
            assertEquals("Support des comptes développeur", support.channelName().get("fr"));
            assertEquals("3 jours ouvrés", support.typicalResponseTime().get("fr"));
            assertEquals("October statement", support.subject());
        }
    }

    @Test
    void shouldHandTheCallersTraceOnWithEveryEventTheRequestCauses() {
        // No OTLP endpoint here: tracing is off, and the trace still follows the request, with span ids of its own.
        assertTrue(tracingOff, "tracing is off without an OTLP endpoint");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = Admins.given("northwind").contentType(ContentType.JSON)
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(SupportRequests.on("billing-error").body()).post(PATH, "northwind")
                .then().statusCode(202).extract().path("requestId");

        ConsumerRecord<String, String> routed = await().atMost(Duration.ofSeconds(20)).until(
                () -> billing.getRecords().stream().filter(r -> id.equals(r.key())).findFirst(),
                Optional::isPresent).orElseThrow();
        String handedOn = new String(routed.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertTrue(handedOn.matches("00-" + trace + "-[0-9a-f]{16}-01") && !handedOn.contains("00f067aa0ba902b7"),
                handedOn);
        try (SubmittedRequests requests = new SubmittedRequests(bootstrapServers)) {
            assertTrue(requests.traceparent(id).startsWith("00-" + trace + "-"));
        }
    }

    @Test
    void shouldShowTheRequestRoutedOnItsTimelineAndListItByType() {
        String id = file("northwind", SupportRequests.on("understanding-statement").body(), "billing-support",
                "Billing support");
        String credit = Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .post("/v1/publishers/northwind/credit-requests").then().statusCode(202).extract().path("requestId");

        Admins.given("northwind").get("/v1/publishers/northwind/requests/" + id).then().statusCode(200)
                .body("type", equalTo("support"), "status", equalTo("routed"),
                        "details.topic", equalTo("understanding-statement"),
                        "timeline.step", equalTo(List.of("submitted", "routed")),
                        "timeline[1].description", containsString("Billing support"));
        Admins.given("northwind").queryParam("type", "support").queryParam("limit", 100)
                .get("/v1/publishers/northwind/requests").then().statusCode(200)
                .body("items.requestId", hasItem(id), "items.requestId", not(hasItem(credit)),
                        "items.type", everyItem(equalTo("support")));
    }

    @Test
    void shouldRejectInvalidFieldsNamingEachAndStoreNothing() {
        long before = storedRequests();
        Map<String, Map<String, Object>> invalid = Map.of(
                "topic", SupportRequests.on("lost-my-keys").body(),
                "subject", SupportRequests.on("billing-error").with("subject", "x".repeat(201)).body(),
                "description", SupportRequests.on("billing-error").with("description", " ").body(),
                "subscriptionId", SupportRequests.on("billing-error").with("subscriptionId", "sub 1001!").body(),
                "customerName", SupportRequests.on("billing-error").with("customerName", "   ").body(),
                "priority", SupportRequests.on("billing-error").with("priority", "urgent").body());
        invalid.forEach((field, body) -> Admins.given("northwind").contentType(ContentType.JSON).body(body)
                .post(PATH, "northwind").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        Admins.given("northwind").contentType(ContentType.JSON).body(SupportRequests.on("billing-error")
                .with("subject", null).with("description", "y".repeat(5001)).body())
                .post(PATH, "northwind").then().statusCode(400)
                .body("errors.field", hasItems("subject", "description"));
        Admins.given("northwind").contentType(ContentType.JSON).body(SupportRequests.on("nope").body())
                .post(PATH, "northwind").then().statusCode(400)
                .body("errors.find { it.field == 'topic' }.message", containsString("/v1/support-topics"));
        assertEquals(before, storedRequests());
    }

    @Test
    void shouldRefuseALineBreakInTheSubjectButKeepThemInTheDescription() {
        long before = storedRequests();
        Admins.given("northwind").contentType(ContentType.JSON).body(SupportRequests.on("billing-error")
                .with("subject", "October invoice\r\nBcc: everyone@example.com")
                .with("customerName", "Alpine\nBakery").body())
                .post(PATH, "northwind").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("subject", "customerName"));
        assertEquals(before, storedRequests());
        file("northwind", SupportRequests.on("billing-error").with("description", "First line.\nSecond line.")
                .body(), "billing-support", "Billing support");
    }

    @Test
    void shouldReturnTheFirstAnswerForTheSameKeyAndBodyAndRefuseTheKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = SupportRequests.on("inconsistent-statements").body();
        String first = Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post(PATH, "northwind").then().statusCode(202).extract().path("requestId");
        long stored = storedRequests();

        Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(PATH, "northwind").then().statusCode(202).body("requestId", equalTo(first),
                        "channel.id", equalTo("billing-support"));
        Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(SupportRequests.on("inconsistent-statements").with("subject", "Another").body())
                .post(PATH, "northwind").then().statusCode(422).contentType("application/problem+json");
        assertEquals(stored, storedRequests());
    }

    @Test
    void shouldForbidFilingForAnotherPublisherAndStoreNothing() {
        long before = storedRequests();
        Admins.given("lumiere").contentType(ContentType.JSON).body(SupportRequests.on("billing-error").body())
                .post(PATH, "northwind").then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, storedRequests());
    }

    private static String file(String publisher, Map<String, Object> body, String channel, String channelName) {
        return Admins.given(publisher).contentType(ContentType.JSON).body(body).post(PATH, publisher)
                .then().statusCode(202)
                .header("Location", containsString("/v1/publishers/" + publisher + "/requests/"))
                .body("status", equalTo("routed"), "channel.id", equalTo(channel),
                        "channel.name.en", equalTo(channelName), "channel.answeredBy.fr", not(equalTo(null)),
                        "channel.typicalResponseTime.en", not(equalTo(null)))
                .extract().path("requestId");
    }

    private static SupportRequestRouted routedOn(ConsumerTask<String, String> topic, String id) throws Exception {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(() -> topic.getRecords()
                .stream().filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals(Events.SUPPORT_REQUEST_ROUTED.name(),
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        return EventJson.mapper().readValue(record.value(), SupportRequestRouted.class);
    }

    /** Everything on {@code topic} up to its end now holds nothing about request {@code id}. */
    private void assertNothingAbout(String topic, String id) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            assertFalse(keys.contains(id), "request " + id + " also went to " + topic);
        }
    }

    private static long storedRequests() {
        return QuarkusTransaction.requiringNew().call(() -> DeskRequest.count());
    }
}
