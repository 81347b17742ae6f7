package com.publisherdesk.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.devstack.WebhookReceiver;
import com.publisherdesk.devstack.WebhookReceiver.Delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Publishers' webhooks: signed, in order per request, retried, only their own, disabled after failing too long. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class WebhookTest {

    private static final String WEBHOOKS = "/v1/publishers/{publisherId}/webhooks";
    private static final List<String> TYPES = List.of(Events.REQUEST_SUBMITTED.name(), Events.CREDIT_APPROVED.name());
    private static final PolicyRuling APPROVE = new PolicyRuling("approve", "Within what was billed.", "sha256:1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private KafkaCompanion kafka;
    private WebhookReceiver receiver;

    @BeforeEach
    void connect() throws Exception {
        kafka = new KafkaCompanion(bootstrapServers);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void close() {
        for (String publisherId : List.of("northwind", "lumiere")) {
            asAdmin(publisherId).get(WEBHOOKS, publisherId).then().extract().jsonPath().getList("id", String.class)
                    .forEach(id -> asAdmin(publisherId).delete(WEBHOOKS + "/{webhookId}", publisherId, id).then()
                            .statusCode(204));
        }
        receiver.close();
        kafka.close();
    }

    @Test
    void shouldSignAndDeliverARequestsEventsInTheOrderTheyOccurredEvenWhenTheyArriveOutOfIt() {
        String webhookId = register("northwind", receiver, TYPES);
        String id = UUID.randomUUID().toString();
        var submitted = CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request(id, "northwind"));
        var approved = CloudEventRecords.record(Events.CREDIT_APPROVED, id, approval(id, "northwind"));
        kafka.produceStrings().fromRecords(approved).awaitCompletion();
        kafka.produceStrings().fromRecords(submitted).awaitCompletion();

        List<Delivery> deliveries = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.about(id), received -> received.size() == 2);
        assertEquals(TYPES, deliveries.stream().map(Delivery::type).toList());
        assertEquals(header(submitted, "ce_id"), deliveries.get(0).id());
        assertEquals(header(approved, "ce_id"), deliveries.get(1).id());
        deliveries.forEach(delivery -> {
            assertEquals(delivery.id(), delivery.idHeader());
            assertEquals("northwind", delivery.data().path("publisherId").asText());
            assertEquals(Events.byName(delivery.type()).orElseThrow().dataSchema().toString(),
                    delivery.event().path("dataschema").asText());
        });
        assertEquals("CN-7", deliveries.get(1).data().path("creditNoteNumber").asText());
        assertEquals(0, receiver.badSignatures());
        asAdmin("northwind").get(WEBHOOKS + "/{webhookId}", "northwind", webhookId).then().statusCode(200)
                .body("status", equalTo("active")).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void shouldSendTheDesksOwnEventsAboutTheRequestAfterItsSubmission() {
        register("northwind", receiver, List.of(Events.REQUEST_SUBMITTED.name(), Events.ACKNOWLEDGEMENT_SENT.name()));
        String id = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id,
                request(id, "northwind"))).awaitCompletion();

        List<Delivery> deliveries = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.about(id), received -> received.size() == 2);
        assertEquals(List.of(Events.REQUEST_SUBMITTED.name(), Events.ACKNOWLEDGEMENT_SENT.name()),
                deliveries.stream().map(Delivery::type).toList());
        assertEquals("<" + id + ".acknowledgement@publisherdesk>", deliveries.get(1).data().path("messageId").asText());
        assertEquals("/publisher-desk/notification-service", deliveries.get(1).event().path("source").asText());
    }

    @Test
    void shouldRetryAnEndpointThatFailsUntilItAcceptsAndLogEachAttempt() {
        receiver.failNext(2);
        String webhookId = register("northwind", receiver, TYPES);
        String id = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id,
                request(id, "northwind"))).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(id).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin("northwind")
                .get(WEBHOOKS + "/{webhookId}/deliveries", "northwind", webhookId).then().statusCode(200)
                .body("items[0].requestId", equalTo(id)).body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(3)).body("items[0].lastStatusCode", equalTo(204)));
        assertEquals(3, receiver.attempts());
    }

    @Test
    void shouldSendAPublisherOnlyTheEventsOfItsOwnRequests() throws Exception {
        try (WebhookReceiver lumiere = WebhookReceiver.start()) {
            String northwindHook = register("northwind", receiver, TYPES);
            register("lumiere", lumiere, TYPES);
            String ours = UUID.randomUUID().toString();
            String theirs = UUID.randomUUID().toString();
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.record(Events.REQUEST_SUBMITTED, ours, request(ours, "northwind")),
                    CloudEventRecords.record(Events.REQUEST_SUBMITTED, theirs, request(theirs, "lumiere")),
                    CloudEventRecords.record(Events.CREDIT_APPROVED, ours, approval(ours, "northwind")))
                    .awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(ours).size() == 2
                    && lumiere.about(theirs).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.about(theirs)
                    .isEmpty() && lumiere.about(ours).isEmpty());
            asAdmin("lumiere").get(WEBHOOKS, "northwind").then().statusCode(403);
            asAdmin("lumiere").get(WEBHOOKS + "/{webhookId}", "lumiere", northwindHook).then().statusCode(404)
                    .contentType("application/problem+json");
            asAdmin("lumiere").delete(WEBHOOKS + "/{webhookId}", "lumiere", northwindHook).then().statusCode(404);
            asAdmin("lumiere").get(WEBHOOKS, "lumiere").then().body("id", not(hasItem(northwindHook)));
        }
    }

    @Test
    void shouldRefuseEndpointsTheDeskMustNotCallAndTypesItDoesNotOffer() {
        for (String url : List.of("https://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hook", "http://203.0.113.5/hook", "ftp://127.0.0.1/hook",
                "http://user:secret@127.0.0.1/hook")) {
            asAdmin("northwind").contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", TYPES))
                    .post(WEBHOOKS, "northwind").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        asAdmin("northwind").contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "eventTypes",
                List.of(Events.SUBSCRIPTION_NOT_CONFIRMED.name()))).post(WEBHOOKS, "northwind").then()
                .statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        asAdmin("northwind").get(WEBHOOKS, "northwind").then().body("url", not(hasItem(startsWith("https://10."))));
    }

    @Test
    void shouldDisableAnEndpointFailingForItsWholeWindowEmailItsAdministratorsOnceAndResumeWhenEnabled() {
        receiver.failNext(Integer.MAX_VALUE);
        String webhookId = register("northwind", receiver, List.of(Events.REQUEST_SUBMITTED.name()));
        String id = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id,
                request(id, "northwind"))).awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin("northwind")
                .get(WEBHOOKS + "/{webhookId}", "northwind", webhookId).then().body("status", equalTo("disabled")));
        asAdmin("northwind").get(WEBHOOKS + "/{webhookId}/deliveries", "northwind", webhookId).then()
                .body("items[0].status", equalTo("failed")).body("items[0].lastStatusCode", equalTo(503));
        Mailbox mailbox = new Mailbox(mailboxUrl);
        String subject = "[Publisher Desk] Webhook disabled: " + receiver.url();
        await().atMost(Duration.ofSeconds(30)).until(() -> noticesIn(mailbox, subject).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> noticesIn(mailbox, subject).size() == 1);
        MailboxEmail notice = noticesIn(mailbox, subject).get(0);
        assertEquals(List.of("billing@northwind.example"), notice.to());
        assertTrue(notice.text().contains("/webhooks/" + webhookId + "/enable"), notice.text());

        receiver.failNext(0);
        asAdmin("northwind").post(WEBHOOKS + "/{webhookId}/enable", "northwind", webhookId).then().statusCode(200)
                .body("status", equalTo("active"));
        long deliveryId = asAdmin("northwind").get(WEBHOOKS + "/{webhookId}/deliveries", "northwind", webhookId)
                .then().extract().jsonPath().getLong("items[0].id");
        asAdmin("northwind").post(WEBHOOKS + "/{webhookId}/deliveries/{deliveryId}/redeliver", "northwind",
                webhookId, deliveryId).then().statusCode(202).body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(id).size() == 1);
    }

    private static List<MailboxEmail> noticesIn(Mailbox mailbox, String subject) {
        return mailbox.emails().stream().filter(email -> subject.equals(email.subject())).toList();
    }

    private static String register(String publisherId, WebhookReceiver receiver, List<String> types) {
        var created = asAdmin(publisherId).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", types, "description", "Back office"))
                .post(WEBHOOKS, publisherId).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/webhooks/"))
                .body("secret", startsWith("whsec_")).body("webhook.status", equalTo("active"))
                .extract().jsonPath();
        receiver.secret(created.getString("secret"));
        return created.getString("webhook.id");
    }

    private static RequestSpecification asAdmin(String publisherId) {
        return given().auth().oauth2(DevStackTestResource.tokens().person("admin@" + publisherId + ".example"));
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<String, String> record,
            String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static RequestSubmitted request(String id, String publisherId) {
        return new RequestSubmitted(id, publisherId, Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@" + publisherId + ".example", new Recipients(publisherId, "billing@" + publisherId + ".example",
                List.of(), "en"),
                new RequestDetails.SubscriptionValidation(new SubscriptionValidationDetails("sub-1002",
                        new BillingAddress("350 Fifth Avenue", null, "New York", "NY", "10118", "US"))));
    }

    private static CreditApproved approval(String id, String publisherId) {
        return new CreditApproved(id, publisherId, "sub-1001", APPROVE, "CN-7", new java.math.BigDecimal("120.00"),
                "EUR", Instant.now());
    }
}
