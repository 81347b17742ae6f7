package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A publisher files credit requests against the four services running as separate processes. */
class CreditRequestEndToEndIT {

    private static final LocalDate LAST_MONTH = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
    private static final Duration SETTLE = Duration.ofSeconds(60);

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
    void shouldApproveACreditAcknowledgeItEmailTheResultAndPublishTheDecision() {
        String id = file("northwind", credit("sub-1001", "Alpine Bakery SARL", "120.00", "EUR"));

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("approved"),
                        "acknowledgement.state", equalTo("met"),
                        "timeline.step", hasItems("submitted", "validated", "acknowledged", "decided",
                                "credit-note-issued", "result-emailed")));
        assertEquals(Events.CREDIT_APPROVED.name(), decisionType(id));
        List<MailboxEmail> emails = emails(id, 2);
        assertTrue(emails.stream().allMatch(e -> e.deliveries() == 1), emails::toString);
        assertTrue(emails.stream().anyMatch(e -> e.subject().contains("Decision on your credit request")
                && e.text().contains("CN-")), emails::toString);
    }

    @Test
    void shouldDenyACreditForACustomerTheSubscriptionDoesNotBelongTo() {
        String id = file("northwind", credit("sub-1002", "Someone Else", "50.00", "USD"));

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("denied"),
                        "timeline.step", hasItems("not-confirmed", "decided", "result-emailed")));
        assertEquals(Events.CREDIT_DENIED.name(), decisionType(id));
        assertTrue(emails(id, 2).stream().anyMatch(e -> e.text().contains("contact the publisher")));
    }

    @Test
    void shouldSendACreditAboveTheThresholdToReview() {
        String id = file("northwind", credit("sub-1002", "Contoso Pharmacy", "800.00", "USD"));

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(intake() + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("in-review")));
        assertEquals(Events.CREDIT_REVIEW_REQUIRED.name(), decisionType(id));
    }

    @Test
    void shouldAskForTheAuthorizationOfAPublisherWithoutConsentThenIssueTheCreditOnceAndWriteInFrench() {
        String id = file("lumiere", credit("sub-2001", "Brasserie du Port", "20.00", "EUR"));

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("lumiere")
                .get(intake() + "/v1/publishers/lumiere/requests/" + id)
                .then().statusCode(200).body("status", equalTo("awaiting-authorization"),
                        "timeline.step", hasItems("submitted", "validated", "decided")));
        assertEquals(Events.CREDIT_AWAITING_AUTHORIZATION.name(), decisionType(id));
        List<MailboxEmail> beforeAuthorization = emails(id, 2);
        assertTrue(beforeAuthorization.stream().anyMatch(e -> e.to().equals(List.of("facturation@lumiere.example"))
                && e.subject().contains("Nous avons bien reçu votre demande d'avoir")), beforeAuthorization::toString);
        assertTrue(beforeAuthorization.stream().anyMatch(e -> e.subject().contains(
                "Votre autorisation est nécessaire pour votre demande d'avoir")
                && e.text().contains("POST " + intake() + "/v1/publishers/lumiere/requests/" + id
                        + "/credit-authorization")),
                beforeAuthorization::toString);

        desk.asAdminOf("lumiere")
                .when().post(intake() + "/v1/publishers/lumiere/requests/" + id + "/credit-authorization")
                .then().statusCode(202);

        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("lumiere")
                .get(intake() + "/v1/publishers/lumiere/requests/" + id)
                .then().statusCode(200).body("status", equalTo("approved"),
                        "timeline.step", hasItems("authorization-recorded", "credit-note-issued", "result-emailed")));
        List<MailboxEmail> emails = emails(id, 3);
        assertTrue(emails.stream().allMatch(e -> e.deliveries() == 1), emails::toString);
        assertTrue(emails.stream().anyMatch(e -> e.subject().contains("Décision sur votre demande d'avoir")
                && e.text().contains("est acceptée. L'avoir CN-")),
                emails::toString);
    }

    private static String file(String publisher, Map<String, Object> body) {
        return desk.asAdminOf(publisher).contentType(ContentType.JSON).body(body)
                .when().post(intake() + "/v1/publishers/" + publisher + "/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }

    private static List<MailboxEmail> emails(String id, int expected) {
        return await().atMost(SETTLE).until(() -> desk.mailbox().about(id), emails -> emails.size() == expected);
    }

    private static String decisionType(String id) {
        ConsumerRecord<String, String> record = await().atMost(SETTLE).until(() -> decisions.getRecords().stream()
                .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        return new String(record.headers().lastHeader("ce_type").value());
    }

    private static String intake() {
        return desk.url("request-intake");
    }

    private static Map<String, Object> credit(String subscription, String customer, String amount, String currency) {
        return Map.of("subscriptionId", subscription, "customerName", customer, "amount", amount,
                "currency", currency,
                "creditPeriod", Map.of("from", LAST_MONTH.toString(),
                        "to", LAST_MONTH.plusMonths(1).minusDays(1).toString()),
                "billingDate", LAST_MONTH.plusMonths(1).toString(),
                "reason", Map.of("code", "service-outage", "description", "Outage"));
    }
}
