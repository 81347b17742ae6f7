package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A credit above the auto-approval threshold goes to the review queue, where a support agent other than the one who
 * filed it decides it, against the four services running as separate processes.
 */
class ReviewQueueEndToEndIT {

    private static final LocalDate LAST_MONTH = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String FILER = "admin@northwind.example";
    private static final String AGENT = "agent@desk.example";

    private static RunningDesk desk;
    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> decisions;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        kafka = new KafkaCompanion(desk.bootstrapServers());
        decisions = kafka.consumeStrings().fromTopics("credit-decisions");
    }

    @AfterAll
    static void stop() {
        if (decisions != null) {
            decisions.close();
            kafka.close();
        }
    }

    @Test
    void shouldRefuseTheFilerThenIssueOneCreditNoteOnAnotherAgentsApprovalQuotingTheNote() throws Exception {
        String subscription = contosoSubscriptionBilled("1200.00");
        String id = fileAndAwaitReview(subscription, "800.00");
        desk.asSupportAgent(AGENT).get(queue() + "/" + id).then().statusCode(200)
                .body("submittedBy", equalTo(FILER), "ruling.ruleId", equalTo("review-above-threshold"),
                        "charges.amount", hasItem("1200.00"), "subscriptionCheck", equalTo("confirmed"));

        desk.asSupportAgent(FILER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "approve", "note", "I filed it, I approve it."))
                .post(queue() + "/" + id + "/decision").then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("four-eyes"));
        desk.asSupportAgent(AGENT).get(queue() + "/" + id).then().statusCode(200);

        String note = "Outage confirmed against the incident log; four days of service lost.";
        Map<String, String> approval = Map.of("outcome", "approve", "note", note);
        desk.asSupportAgent(AGENT).contentType(ContentType.JSON).body(approval)
                .post(queue() + "/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("approved"), "reviewer", equalTo(AGENT));
        desk.asSupportAgent(AGENT).contentType(ContentType.JSON).body(approval)
                .post(queue() + "/" + id + "/decision").then().statusCode(409)
                .contentType("application/problem+json");

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("approved"),
                        "timeline.step", hasItems("decided", "reviewed", "credit-note-issued", "result-emailed"),
                        "timeline.find { it.step == 'reviewed' }.description", containsString(note)));
        List<ConsumerRecord<String, String>> approved = decisionsOf(id, Events.CREDIT_APPROVED.name());
        assertEquals(1, approved.size());
        CreditApproved event = EventJson.mapper().readValue(approved.get(0).value(), CreditApproved.class);
        assertEquals(AGENT, event.review().reviewer());
        assertEquals(note, event.review().note());
        assertEquals(1, creditNotesOf(subscription, id));

        MailboxEmail result = resultEmail(id);
        assertTrue(result.text().contains(note) && result.text().contains(event.creditNoteNumber()), result.text());
        await().during(Duration.ofSeconds(3)).atMost(SETTLE).until(() -> results(id).size() == 1
                && decisionsOf(id, Events.CREDIT_APPROVED.name()).size() == 1);
        assertEquals(1, creditNotesOf(subscription, id));
    }

    @Test
    void shouldSendOneDenialEmailWithTheAgentsNoteWhenAnAgentDenies() {
        String subscription = contosoSubscriptionBilled("1200.00");
        String id = fileAndAwaitReview(subscription, "900.00");
        String note = "The outage was on the customer's own network.";

        desk.asSupportAgent(AGENT).contentType(ContentType.JSON).body(Map.of("outcome", "deny", "note", note))
                .post(queue() + "/" + id + "/decision").then().statusCode(200).body("status", equalTo("denied"));

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("denied"),
                        "timeline.step", hasItems("reviewed", "result-emailed")));
        MailboxEmail denial = resultEmail(id);
        assertTrue(denial.text().contains(note) && denial.text().contains("contact the publisher directly"),
                denial.text());
        assertEquals(1, denial.deliveries());
        await().during(Duration.ofSeconds(3)).atMost(SETTLE).until(() -> results(id).size() == 1);
        assertEquals(1, decisionsOf(id, Events.CREDIT_DENIED.name()).size());
        assertEquals(0, creditNotesOf(subscription, id));
    }

    /** Files a credit request as {@link #FILER} and waits until it is in the review queue. */
    private static String fileAndAwaitReview(String subscription, String amount) {
        String id = desk.asAdminOf("northwind").contentType(ContentType.JSON).body(Map.of("subscriptionId",
                subscription, "customerName", "Contoso Pharmacy", "amount", amount, "currency", "USD",
                "creditPeriod", Map.of("from", LAST_MONTH.toString(),
                        "to", LAST_MONTH.plusMonths(1).minusDays(1).toString()),
                "billingDate", LAST_MONTH.plusMonths(1).toString(),
                "reason", Map.of("code", "service-outage", "description", "Four days of outage")))
                .when().post(intake() + "/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().path("requestId");
        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("in-review")));
        await().atMost(SETTLE).untilAsserted(() -> desk.asSupportAgent(AGENT).queryParam("limit", 100)
                .get(queue()).then().statusCode(200).body("items.requestId", hasItem(id)));
        return id;
    }

    /** A new subscription of northwind's customer Contoso Pharmacy, billed {@code amount} USD last month. */
    private static String contosoSubscriptionBilled(String amount) {
        String subscription = "sub-review-" + UUID.randomUUID();
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "customerId", "cust-contoso-pharmacy", "customerName", "Contoso Pharmacy",
                "offerId", "northwind-crm", "publisherId", "northwind",
                "billingAddress", Map.of("line1", "350 Fifth Avenue", "city", "New York", "region", "NY",
                        "postalCode", "10118", "country", "US"))))
                .post(desk.url("validation-service") + "/v1/operator/billing-records").then().statusCode(200);
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "periodFrom", LAST_MONTH.toString(), "periodTo", LAST_MONTH.plusMonths(1).minusDays(1).toString(),
                "billingDate", LAST_MONTH.plusMonths(1).toString(), "amount", amount, "currency", "USD")))
                .post(desk.url("billing-credit-service") + "/v1/operator/charges").then().statusCode(200);
        return subscription;
    }

    private static MailboxEmail resultEmail(String id) {
        return await().atMost(SETTLE).until(() -> results(id), emails -> !emails.isEmpty()).get(0);
    }

    private static List<MailboxEmail> results(String id) {
        return desk.mailbox().about(id).stream()
                .filter(e -> ("<" + id + ".result@publisherdesk>").equals(e.messageId())).toList();
    }

    private static List<ConsumerRecord<String, String>> decisionsOf(String id, String type) {
        return decisions.getRecords().stream().filter(r -> id.equals(r.key())
                && type.equals(new String(r.headers().lastHeader("ce_type").value()))).toList();
    }

    private static long creditNotesOf(String subscription, String id) {
        List<String> requests = desk.asOperator().queryParam("subscriptionId", subscription)
                .get(desk.url("billing-credit-service") + "/v1/operator/credit-notes").then().statusCode(200)
                .extract().path("requestId");
        return requests.stream().filter(id::equals).count();
    }

    private static String queue() {
        return desk.url("billing-credit-service") + "/v1/review-queue";
    }

    private static String intake() {
        return desk.url("request-intake");
    }
}
