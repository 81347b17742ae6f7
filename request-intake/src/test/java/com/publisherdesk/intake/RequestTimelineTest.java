package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class RequestTimelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void shouldMoveThroughValidatedAndDecidedAsEventsArriveAndShowEachStepWithItsCause() {
        String id = file();
        Instant now = Instant.now();
        PolicyRuling ruling = new PolicyRuling("approve", "Within what was billed.", "sha256:abc");
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, id,
                        new SubscriptionConfirmed(id, "northwind", "sub-1001", now, "credit")),
                CloudEventRecords.record(Events.ACKNOWLEDGEMENT_SENT, id,
                        new AcknowledgementSent(id, "<" + id + ".acknowledgement@publisherdesk>",
                                List.of("billing@northwind.example"), now, true))));
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind", "sub-1001",
                        ruling,
                        "CN-2026-000001", new BigDecimal("120.00"), "EUR", now.plusMillis(5))),
                CloudEventRecords.record(Events.RESULT_SENT, id, new ResultSent(id, "<" + id + ".result@publisherdesk>",
                        "approved", List.of("billing@northwind.example"), now.plusMillis(10)))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .when().get("/v1/publishers/northwind/requests/{id}", id)
                .then().statusCode(200)
                .body("status", equalTo("approved"), "acknowledgement.state", equalTo("met"),
                        "acknowledgement.sentAt", notNullValue(),
                        "timeline.step", hasItems("submitted", "validated", "acknowledged", "decided",
                                "credit-note-issued", "result-emailed"),
                        "timeline.find { it.step == 'decided' }.cause", equalTo("rule approve, policy sha256:abc")));
    }

    @Test
    void shouldNotMoveBackWhenAValidationArrivesAfterTheDecision() {
        String id = file();
        Instant now = Instant.now();
        PolicyRuling ruling = new PolicyRuling("approve", "Within what was billed.", "sha256:abc");
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.CREDIT_APPROVED, id,
                new CreditApproved(id, "northwind", "sub-1001", ruling, "CN-2026-000002", new BigDecimal("1.00"),
                        "EUR", now)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", id).then().body("status", equalTo("approved")));

        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, id,
                new SubscriptionConfirmed(id, "northwind", "sub-1001", now.minusMillis(1), "credit")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", id).then()
                .body("timeline.step", contains("submitted", "validated", "decided", "credit-note-issued"),
                        "status", equalTo("approved")));
    }

    @Test
    void shouldKeepTheFirstAcknowledgementAndPassOverEventsAboutUnknownRequests() {
        String id = file();
        String unknown = UUID.randomUUID().toString();
        Instant first = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, unknown,
                        new SubscriptionConfirmed(unknown, "northwind", "sub-1001", first, "credit")),
                CloudEventRecords.record(Events.ACKNOWLEDGEMENT_SENT, unknown, acknowledgement(unknown, first)),
                CloudEventRecords.record(Events.ACKNOWLEDGEMENT_SENT, id, acknowledgement(id, first)),
                CloudEventRecords.record(Events.ACKNOWLEDGEMENT_SENT, id, acknowledgement(id, first.plusSeconds(1)))))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", id).then().statusCode(200)
                .body("acknowledgement.sentAt", equalTo(first.toString()),
                        "timeline.step", contains("submitted", "acknowledged", "acknowledged")));
        UUID unknownId = UUID.fromString(unknown);
        assertNull(QuarkusTransaction.requiringNew().call(() -> DeskRequest.findById(unknownId)));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> TimelineEntry.of(unknownId)));
    }

    @Test
    void shouldShowTheAgentsReviewBeforeTheDecisionAndMoveOnFromInReview() {
        String approvedId = file();
        String waitingId = file();
        String deniedId = file();
        Instant now = Instant.now();
        PolicyRuling ruling = new PolicyRuling("review-above-threshold", "Above the threshold.", "sha256:abc");
        AgentReview approval = new AgentReview("agent@desk.example", AgentReview.APPROVED, "Outage confirmed.",
                now.plusMillis(5));
        AgentReview denial = new AgentReview("agent@desk.example", AgentReview.DENIED, "Not the publisher's fault.",
                now.plusMillis(5));
        for (String id : List.of(approvedId, waitingId, deniedId)) {
            kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.CREDIT_REVIEW_REQUIRED, id,
                    new CreditReviewRequired(id, "northwind", "sub-1001", ruling, now))).awaitCompletion();
        }
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.CREDIT_APPROVED, approvedId, new CreditApproved(approvedId,
                        "northwind", "sub-1001", ruling, "CN-2026-000003", new BigDecimal("800.00"), "EUR",
                        now.plusMillis(5), approval)),
                CloudEventRecords.record(Events.CREDIT_AWAITING_AUTHORIZATION, waitingId,
                        new CreditAwaitingAuthorization(waitingId, "northwind", "sub-1001", ruling,
                                new BigDecimal("800.00"), "EUR", now.plusMillis(5), approval)),
                CloudEventRecords.record(Events.CREDIT_DENIED, deniedId, new CreditDenied(deniedId, "northwind",
                        "sub-1001", ruling, now.plusMillis(5), denial))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", approvedId).then().statusCode(200)
                .body("status", equalTo("approved"),
                        "timeline.step", contains("submitted", "decided", "reviewed", "decided", "credit-note-issued"),
                        "timeline.find { it.step == 'reviewed' }.description", containsString("Outage confirmed."),
                        "timeline.find { it.step == 'reviewed' }.description", containsString("approved"),
                        "timeline.find { it.step == 'reviewed' }.cause", equalTo("a support agent")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", waitingId).then().statusCode(200)
                .body("status", equalTo("awaiting-authorization"),
                        "timeline.step", contains("submitted", "decided", "reviewed", "decided")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", deniedId).then().statusCode(200)
                .body("status", equalTo("denied"),
                        "timeline.step", contains("submitted", "decided", "reviewed", "decided"),
                        "timeline[3].description", containsString("Not the publisher's fault."),
                        "timeline[3].description", containsString("contact the publisher directly")));
    }

    @Test
    void shouldNameTheAgentToTheDeskStaffButNeverToThePublisher() {
        String id = file();
        Instant now = Instant.now();
        PolicyRuling ruling = new PolicyRuling("review-above-threshold", "Above the threshold.", "sha256:abc");
        AgentReview approval = new AgentReview("agent2@desk.example", AgentReview.APPROVED, "Outage confirmed.",
                now.plusMillis(5));
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.CREDIT_REVIEW_REQUIRED, id,
                        new CreditReviewRequired(id, "northwind", "sub-1001", ruling, now)),
                CloudEventRecords.record(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind", "sub-1001",
                        ruling, "CN-2026-000004", new BigDecimal("800.00"), "EUR", now.plusMillis(5), approval))))
                .awaitCompletion();

        String seenByPublisher = await().atMost(Duration.ofSeconds(20)).until(() -> Admins.given("northwind")
                .get("/v1/publishers/northwind/requests/{id}", id).then().statusCode(200).extract().asString(),
                body -> body.contains("credit-note-issued"));
        assertFalse(seenByPublisher.contains("agent2@desk.example"), seenByPublisher);
        assertFalse(seenByPublisher.contains("\"actor\""), seenByPublisher);
        assertTrue(seenByPublisher.contains("a support agent, after rule review-above-threshold"), seenByPublisher);

        for (var staff : List.of(Staff.agent("agent@desk.example"), Staff.operator())) {
            staff.get("/v1/desk/requests/{id}", id).then().statusCode(200)
                    .body("timeline.find { it.step == 'reviewed' }.actor", equalTo("agent2@desk.example"),
                            "timeline.findAll { it.step == 'decided' }[1].actor", equalTo("agent2@desk.example"),
                            "timeline.find { it.step == 'submitted' }.actor", nullValue());
        }
        Admins.given("northwind").get("/v1/desk/requests/{id}", id).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerNotFoundForAnotherPublishersRequest() {
        String id = file();
        Admins.given("lumiere").when().get("/v1/publishers/lumiere/requests/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static AcknowledgementSent acknowledgement(String id, Instant sentAt) {
        return new AcknowledgementSent(id, "<" + id + "." + sentAt.getEpochSecond() + ".acknowledgement@publisherdesk>",
                List.of("billing@northwind.example"), sentAt, true);
    }

    private static String file() {
        return Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .when().post("/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }
}
