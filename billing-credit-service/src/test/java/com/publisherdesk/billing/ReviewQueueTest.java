package com.publisherdesk.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.CreditAuthorized;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Support agents work the review queue: list, evidence, approve, deny, four-eyes, and who may not. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class ReviewQueueTest {

    private static final LocalDate MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1);
    private static final String FILER = "filer@northwind.example";
    private static final String AGENT = "agent@desk.example";
    private static final CreditAuthorization CONSENT = new CreditAuthorization(CreditAuthorization.STANDING_CONSENT,
            FILER, Instant.parse("2026-01-05T10:00:00Z"));
    private static final String QUEUE = "/v1/review-queue";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> decisions;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        decisions = kafka.consumeStrings().fromTopics("credit-decisions");
    }

    @AfterEach
    void close() {
        decisions.close();
        kafka.close();
    }

    @Test
    void shouldListTheRequestsInReviewOldestFirstAPageAtATime() {
        List<String> mine = List.of(inReview(CONSENT).id(), inReview(CONSENT).id(), inReview(CONSENT).id());
        List<String> seen = new ArrayList<>();
        List<String> since = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = agent(AGENT).queryParam("limit", 2);
            ValidatableResponse answer = (cursor == null ? page : page.queryParam("cursor", cursor)).get(QUEUE)
                    .then().statusCode(200);
            List<String> ids = answer.extract().path("items.requestId");
            assertTrue(ids.size() <= 2, ids::toString);
            seen.addAll(ids);
            since.addAll(answer.extract().path("items.inReviewSince"));
            cursor = answer.extract().path("next");
        } while (cursor != null);
        assertEquals(mine, seen.stream().filter(mine::contains).toList());
        for (int i = 1; i < since.size(); i++) {
            assertTrue(Instant.parse(since.get(i - 1)).compareTo(Instant.parse(since.get(i))) <= 0, since::toString);
        }
        agent(AGENT).get(QUEUE).then().statusCode(200)
                .body("items.find { it.requestId == '" + mine.get(0) + "' }.ruleId", equalTo("review-above-threshold"),
                        "items.find { it.requestId == '" + mine.get(0) + "' }.amount", equalTo("800.00"),
                        "items.find { it.requestId == '" + mine.get(0) + "' }.reason.code", equalTo("service-outage"),
                        "items.find { it.requestId == '" + mine.get(0) + "' }.customerName",
                        equalTo("Contoso Pharmacy"));
    }

    @Test
    void shouldRefuseABadPageSizeOrCursorWithAProblem() {
        for (Object limit : List.of(0, 101, "many")) {
            agent(AGENT).queryParam("limit", limit).get(QUEUE).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        }
        agent(AGENT).queryParam("cursor", "not-a-cursor").get(QUEUE).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldShowTheEvidenceAnAgentNeedsToDecide() {
        Filed earlier = filed(charge("1200.00"), MONTH, MONTH.plusDays(4), "100.00", CONSENT);
        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(earlier.id())));
        Filed request = filed(earlier.subscription(), MONTH.plusDays(9), MONTH.plusDays(19), "800.00", CONSENT);
        assertEquals(Events.CREDIT_REVIEW_REQUIRED.name(), type(awaitDecision(request.id())));

        agent(AGENT).get(QUEUE + "/" + request.id()).then().statusCode(200)
                .body("request.requestId", equalTo(request.id()), "request.publisherId", equalTo("northwind"),
                        "request.subscriptionId", equalTo(request.subscription()),
                        "request.creditPeriod.from", equalTo(MONTH.plusDays(9).toString()),
                        "submittedBy", equalTo(FILER), "subscriptionCheck", equalTo("confirmed"),
                        "ruling.ruleId", equalTo("review-above-threshold"),
                        "ruling.explanations.fr", startsWith("Le montant dépasse le seuil"),
                        "ruling.policyVersion", startsWith("sha256:"),
                        "ruling.facts.amount", equalTo("800.00"), "ruling.facts.creditable", equalTo("1100.00"),
                        "ruling.facts.subscriptionConfirmed", equalTo(true),
                        "charges.amount", contains("1200.00"), "charges.periodFrom", contains(MONTH.toString()),
                        "creditNotes.amount", contains("100.00"),
                        "creditNotes.requestId", contains(earlier.id()));
    }

    @Test
    void shouldApproveIssueOneCreditNotePublishOnceAndRefuseASecondDecision() throws Exception {
        Filed request = inReview(CONSENT);

        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Outage confirmed."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(200)
                .body("outcome", equalTo("approved"), "status", equalTo("approved"), "reviewer", equalTo(AGENT),
                        "creditNoteNumber", startsWith("CN-"));
        ConsumerRecord<String, String> record = awaitDecisionOf(request.id(), Events.CREDIT_APPROVED);
        CreditApproved approved = EventJson.mapper().readValue(record.value(), CreditApproved.class);
        assertEquals(new AgentReview(AGENT, AgentReview.APPROVED, "Outage confirmed.",
                approved.review().reviewedAt()), approved.review());
        assertEquals("review-above-threshold", approved.ruling().ruleId());
        assertEquals(0, new BigDecimal("800.00").compareTo(approved.amount()));

        agent("another-agent@desk.example").contentType(ContentType.JSON)
                .body(Map.of("outcome", "deny", "note", "Second thoughts."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(409)
                .contentType("application/problem+json");
        agent(AGENT).get(QUEUE + "/" + request.id()).then().statusCode(404);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> decisionsOf(request.id()).size() == 2);
        assertEquals(1, creditNotes(request.id()));
        assertEquals(AgentReview.APPROVED, review(request.id()).outcome);
    }

    @Test
    void shouldDenyWithTheAgentsNoteAndIssueNoCreditNote() throws Exception {
        Filed request = inReview(CONSENT);

        agent(AGENT).contentType(ContentType.JSON)
                .body(Map.of("outcome", "deny", "note", "The outage was on the customer's side."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(200)
                .body("outcome", equalTo("denied"), "status", equalTo("denied"));
        CreditDenied denied = EventJson.mapper().readValue(awaitDecisionOf(request.id(), Events.CREDIT_DENIED)
                .value(), CreditDenied.class);
        assertEquals("The outage was on the customer's side.", denied.review().note());
        assertEquals(AgentReview.DENIED, denied.review().outcome());
        assertEquals(0, creditNotes(request.id()));
    }

    @Test
    void shouldWaitForThePublishersAuthorizationAfterAnApprovalAndCarryTheReviewOnTheCreditNote() throws Exception {
        Filed request = inReview(null);

        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Fine."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(200)
                .body("status", equalTo("awaiting-authorization"));
        CreditAwaitingAuthorization waiting = EventJson.mapper().readValue(
                awaitDecisionOf(request.id(), Events.CREDIT_AWAITING_AUTHORIZATION).value(),
                CreditAwaitingAuthorization.class);
        assertEquals("Fine.", waiting.review().note());
        assertEquals(0, creditNotes(request.id()));

        send(Events.CREDIT_AUTHORIZED, request.id(), new CreditAuthorized(request.id(), "northwind",
                new CreditAuthorization(CreditAuthorization.REQUEST, FILER, Instant.now())));
        CreditApproved approved = EventJson.mapper().readValue(awaitDecisionOf(request.id(), Events.CREDIT_APPROVED)
                .value(), CreditApproved.class);
        assertEquals(waiting.review(), approved.review());
        assertEquals(1, creditNotes(request.id()));
    }

    @Test
    void shouldRefuseTheAgentWhoFiledTheRequestAndChangeNothing() {
        Filed request = inReview(CONSENT);

        agent("Filer@Northwind.EXAMPLE").contentType(ContentType.JSON)
                .body(Map.of("outcome", "approve", "note", "Looks right to me."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("four-eyes"));
        assertUntouched(request.id());
    }

    @Test
    void shouldRefuseAnAgentWhoAdministersThePublisherNowOrDidWhenItWasFiled() {
        Filed request = inReview(CONSENT);
        String decision = QUEUE + "/" + request.id() + "/decision";
        for (String actsForThePublisher : List.of("ops@northwind.example", "former@northwind.example")) {
            agent(actsForThePublisher).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "approve", "note", "Looks fine to me.")).post(decision)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("four-eyes")).body("detail", containsString("administer"));
        }
        assertUntouched(request.id());
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenAgentsApproveRequestsOfOneChargeTogether() throws Exception {
        String subscription = charge("1200.00");
        List<Filed> requests = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            Filed request = filed(subscription, MONTH.plusDays(day), MONTH.plusDays(day), "600.00", CONSENT);
            assertEquals(Events.CREDIT_REVIEW_REQUIRED.name(), type(awaitDecision(request.id())));
            requests.add(request);
        }
        ExecutorService agents = Executors.newFixedThreadPool(requests.size());
        List<Future<Integer>> answers = new ArrayList<>();
        for (Filed request : requests) {
            answers.add(agents.submit(() -> agent("agent-" + request.id() + "@desk.example")
                    .contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Outage confirmed."))
                    .post(QUEUE + "/" + request.id() + "/decision").statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        agents.shutdown();

        assertEquals(2, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(0, new BigDecimal("1200.00").compareTo(credited(subscription)));
        Filed refused = requests.get(statuses.indexOf(409));
        agent(AGENT).get(QUEUE + "/" + refused.id()).then().statusCode(200).body("creditableNow", is("0.00"));
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Try again."))
                .post(QUEUE + "/" + refused.id() + "/decision").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("exceeds-creditable"))
                .body("detail", containsString("0.00 USD is left to credit"));
    }

    @Test
    void shouldForbidTheQueueToPublishersAndCallersWithoutTheRole() {
        Filed request = inReview(CONSENT);
        for (String token : List.of(DevStackTestResource.tokens().person("admin@northwind.example"),
                DevStackTestResource.tokens().person(AGENT),
                DevStackTestResource.tokens().operator("operator@desk.example"))) {
            given().auth().oauth2(token).get(QUEUE).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(QUEUE + "/" + request.id()).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "approve", "note", "Approved.")).post(QUEUE + "/" + request.id()
                            + "/decision").then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Approved."))
                .post(QUEUE + "/" + request.id() + "/decision").then().statusCode(401);
        assertUntouched(request.id());
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownRequestOrOneNotInReview() {
        String unknown = UUID.randomUUID().toString();
        agent(AGENT).get(QUEUE + "/" + unknown).then().statusCode(404).contentType("application/problem+json");
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Approved."))
                .post(QUEUE + "/" + unknown + "/decision").then().statusCode(404)
                .contentType("application/problem+json");

        Filed approvedByPolicy = filed(charge("1200.00"), MONTH, MONTH.plusMonths(1).minusDays(1), "100.00", CONSENT);
        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(approvedByPolicy.id())));
        agent(AGENT).get(QUEUE + "/" + approvedByPolicy.id()).then().statusCode(404);
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "deny", "note", "No."))
                .post(QUEUE + "/" + approvedByPolicy.id() + "/decision").then().statusCode(404);
        assertNull(review(approvedByPolicy.id()));
    }

    @Test
    void shouldRefuseABadDecisionNamingTheFieldAndChangeNothing() {
        Filed request = inReview(CONSENT);
        String decision = QUEUE + "/" + request.id() + "/decision";

        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "maybe", "note", "Hmm."))
                .post(decision).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("outcome"));
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve"))
                .post(decision).then().statusCode(400).body("errors.field", hasItem("note"));
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "x".repeat(2001)))
                .post(decision).then().statusCode(400).body("errors.field", hasItem("note"));
        agent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "approve", "note", "Ok.", "amount", "1"))
                .post(decision).then().statusCode(400).body("errors.field", hasItem("amount"));
        agent(AGENT).contentType(ContentType.JSON).post(decision).then().statusCode(400)
                .contentType("application/problem+json");
        assertUntouched(request.id());
    }

    private void assertUntouched(String id) {
        agent(AGENT).get(QUEUE + "/" + id).then().statusCode(200);
        assertNull(review(id));
        assertEquals(0, creditNotes(id));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> decisionsOf(id).size() == 1);
    }

    /** A credit request of 800.00 USD, above the auto-approval threshold, filed by {@link #FILER} and in review. */
    private Filed inReview(CreditAuthorization consent) {
        Filed request = filed(charge("1200.00"), MONTH, MONTH.plusMonths(1).minusDays(1), "800.00", consent);
        assertEquals(Events.CREDIT_REVIEW_REQUIRED.name(), type(awaitDecision(request.id())));
        return request;
    }

    private Filed filed(String subscription, LocalDate from, LocalDate to, String amount,
            CreditAuthorization consent) {
        String id = UUID.randomUUID().toString();
        CreditRequestDetails credit = new CreditRequestDetails(subscription, "Contoso Pharmacy",
                new BigDecimal(amount), "USD", new DatePeriod(from, to), MONTH.plusMonths(1), "service-outage",
                "Four days of outage");
        send(Events.REQUEST_SUBMITTED, id, new RequestSubmitted(id, "northwind", Instant.now(),
                Instant.now().plusSeconds(86_400), FILER, new Recipients("Northwind Apps", "billing@northwind.example",
                List.of("former@northwind.example"), "en"), new RequestDetails.Credit(credit, consent)));
        send(Events.SUBSCRIPTION_CONFIRMED, id, new SubscriptionConfirmed(id, "northwind", subscription,
                Instant.now(), "credit"));
        return new Filed(id, subscription);
    }

    /** A new subscription billed {@code amount} USD for {@link #MONTH}. */
    private static String charge(String amount) {
        String subscription = "sub-" + UUID.randomUUID();
        given().auth().oauth2(DevStackTestResource.tokens().operator("operator@desk.example"))
                .contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                        "periodFrom", MONTH.toString(), "periodTo", MONTH.plusMonths(1).minusDays(1).toString(),
                        "billingDate", MONTH.plusMonths(1).toString(), "amount", amount, "currency", "USD")))
                .post("/v1/operator/charges").then().statusCode(200);
        return subscription;
    }

    private static RequestSpecification agent(String email) {
        return given().auth().oauth2(DevStackTestResource.tokens().supportAgent(email));
    }

    private <T> void send(EventType<T> type, String id, T payload) {
        kafka.produceStrings().fromRecords(CloudEventRecords.record(type, id, payload)).awaitCompletion();
    }

    private List<ConsumerRecord<String, String>> decisionsOf(String id) {
        return decisions.getRecords().stream().filter(r -> id.equals(r.key())).toList();
    }

    private ConsumerRecord<String, String> awaitDecision(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> decisionsOf(id), r -> !r.isEmpty()).get(0);
    }

    private ConsumerRecord<String, String> awaitDecisionOf(String id, EventType<?> type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> decisionsOf(id).stream()
                .filter(r -> type.name().equals(type(r))).toList(), r -> !r.isEmpty()).get(0);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }

    private static BigDecimal credited(String subscription) {
        return QuarkusTransaction.requiringNew().call(() -> CreditNote.ofSubscription(subscription).stream()
                .map(note -> note.amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static long creditNotes(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CreditNote.countFor(UUID.fromString(id)));
    }

    private static CreditReview review(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CreditReview.findById(UUID.fromString(id)));
    }

    /** A credit request sent to billing, and its subscription. */
    private record Filed(String id, String subscription) {
    }
}
