package com.publisherdesk.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.kit.inbox.ProcessedEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class EmailDeliveryTest {

    private static final LocalDate MONTH = LocalDate.of(2026, 10, 1);
    private static final PolicyRuling APPROVE = new PolicyRuling("approve", "Within what was billed.", "sha256:1");
    private static final PolicyRuling DENY = new PolicyRuling("deny-above-billed",
            "The amount exceeds what was billed for the period. The customer is invited to contact the publisher "
                    + "directly.", "sha256:1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> notifications;
    private Mailbox mailbox;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        notifications = kafka.consumeStrings().fromTopics("notifications");
        mailbox = new Mailbox(mailboxUrl);
    }

    @AfterEach
    void close() {
        notifications.close();
        kafka.close();
    }

    @Test
    void shouldAcknowledgeARequestOnceToTheContactAndCoAdministratorsInEnglish() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "en"));

        MailboxEmail email = awaitEmail(id, "acknowledgement");
        assertEquals(List.of("billing@northwind.example"), email.to());
        assertEquals(List.of("admin@northwind.example", "ops@northwind.example"), email.cc());
        assertEquals(List.of("support@publisherdesk.example"), email.replyTo());
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] We received your credit request", email.subject());
        assertTrue(email.text().contains("Alpine Bakery SARL") && email.text().contains("€120.00")
                && email.text().contains("1 October 2026"), email.text());
        assertTrue(email.html().contains("<strong>" + id + "</strong>"), email.html());
        assertEquals(1, email.deliveries());

        AcknowledgementSent sent = EventJson.mapper().readValue(awaitEvent(id, Events.ACKNOWLEDGEMENT_SENT).value(),
                AcknowledgementSent.class);
        assertEquals(email.messageId(), sent.messageId());
        assertTrue(sent.onTime());
        assertEquals(3, sent.recipients().size());
    }

    @Test
    void shouldAcknowledgeAFrenchPublisherInFrenchWithFrenchFormats() {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "fr"));

        MailboxEmail email = awaitEmail(id, "acknowledgement");
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Nous avons bien reçu votre demande d'avoir",
                email.subject());
        assertTrue(email.text().contains("120,00") && email.text().contains("1 octobre 2026")
                && email.text().contains("Bonjour Northwind Apps"), email.text());
    }

    @Test
    void shouldSendTheResultOfAnApprovalWithItsCreditNote() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "en"));
        send(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind", "sub-1001", APPROVE, "CN-2026-000042",
                new BigDecimal("120.00"), "EUR", Instant.now()));

        MailboxEmail email = awaitEmail(id, "result");
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Decision on your credit request", email.subject());
        assertTrue(email.text().contains("approved") && email.text().contains("CN-2026-000042")
                && email.text().contains("€120.00"), email.text());
        ResultSent sent = EventJson.mapper().readValue(awaitEvent(id, Events.RESULT_SENT).value(), ResultSent.class);
        assertEquals("approved", sent.outcome());
        assertEquals(email.messageId(), sent.messageId());
    }

    @Test
    void shouldSendADenialThatArrivedBeforeItsRequestOnceTheRequestArrives() {
        String id = UUID.randomUUID().toString();
        send(Events.CREDIT_DENIED, id, new CreditDenied(id, "northwind", "sub-1001", DENY, Instant.now()));
        send(Events.REQUEST_SUBMITTED, id, request(id, "fr"));

        MailboxEmail email = awaitEmail(id, "result");
        assertTrue(email.text().contains("refusée") && email.text().contains("contact the publisher"), email.text());
        awaitEmail(id, "acknowledgement");
    }

    @Test
    void shouldTellThePublisherOfTheReviewThenSendOneResultEmailQuotingTheAgentsNote() {
        String id = UUID.randomUUID().toString();
        PolicyRuling review = new PolicyRuling("review-above-threshold", "Above the threshold.", "sha256:1");
        send(Events.REQUEST_SUBMITTED, id, request(id, "en"));
        send(Events.CREDIT_REVIEW_REQUIRED, id, new CreditReviewRequired(id, "northwind", "sub-1001", review,
                Instant.now()));
        MailboxEmail notice = awaitEmail(id, "review");
        assertTrue(notice.text().contains("handed to a support agent"), notice.text());

        CreditApproved approved = new CreditApproved(id, "northwind", "sub-1001", review, "CN-2026-000099",
                new BigDecimal("800.00"), "EUR", Instant.now(), new AgentReview("agent@desk.example",
                        AgentReview.APPROVED, "Outage confirmed with the customer's ticket.", Instant.now()));
        UUID event = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.CREDIT_APPROVED, id, approved, event),
                CloudEventRecords.record(Events.CREDIT_APPROVED, id, approved, event),
                CloudEventRecords.record(Events.CREDIT_APPROVED, id, approved))).awaitCompletion();

        MailboxEmail result = awaitEmail(id, "result");
        assertTrue(result.text().contains("CN-2026-000099")
                && result.text().contains("\"Outage confirmed with the customer's ticket.\""), result.text());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.about(id).size() == 3);
        assertEquals(1, mailbox.about(id).stream().filter(e -> e.messageId().contains(".result@")).count());
        assertEquals(1, notifications.getRecords().stream().filter(r -> id.equals(r.key())
                && Events.RESULT_SENT.name().equals(new String(r.headers().lastHeader("ce_type").value()))).count());
    }

    @Test
    void shouldTellThePublisherThatASubscriptionValidationIsConfirmed() {
        String id = UUID.randomUUID().toString();
        RequestSubmitted request = new RequestSubmitted(id, "northwind", Instant.now(),
                Instant.now().plusSeconds(86_400), "admin@northwind.example", new Recipients("Northwind Apps",
                "billing@northwind.example", List.of(), "en"),
                new RequestDetails.SubscriptionValidation(new SubscriptionValidationDetails("sub-1002",
                        new BillingAddress("350 Fifth Avenue", null, "New York", "NY", "10118", "US"))));
        send(Events.REQUEST_SUBMITTED, id, request);
        send(Events.SUBSCRIPTION_CONFIRMED, id, new SubscriptionConfirmed(id, "northwind", "sub-1002", Instant.now(),
                RequestTypes.SUBSCRIPTION_VALIDATION));

        MailboxEmail result = awaitEmail(id, "result");
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Decision on your subscription validation",
                result.subject());
        assertTrue(result.text().contains("sub-1002") && result.text().contains("CONFIRMED"), result.text());
        assertTrue(awaitEmail(id, "acknowledgement").text().contains("Subscription to check: sub-1002"));
    }

    @Test
    void shouldSendOneAcknowledgementWhenTheRequestIsDeliveredAgain() {
        String id = UUID.randomUUID().toString();
        RequestSubmitted request = request(id, "en");
        UUID eventId = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request))).awaitCompletion();

        awaitEmail(id, "acknowledgement");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.countAbout(id)) == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            List<MailboxEmail> emails = mailbox.about(id);
            return emails.size() == 1 && emails.get(0).deliveries() == 1;
        });
    }

    private <T> void send(com.publisherdesk.contracts.EventType<T> type, String id, T payload) {
        kafka.produceStrings().fromRecords(CloudEventRecords.record(type, id, payload)).awaitCompletion();
    }

    private MailboxEmail awaitEmail(String requestId, String kind) {
        String messageId = "<" + requestId + "." + kind + "@publisherdesk>";
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.about(requestId).stream()
                .filter(e -> messageId.equals(e.messageId())).findFirst(), Optional::isPresent).orElseThrow();
    }

    private ConsumerRecord<String, String> awaitEvent(String requestId,
            com.publisherdesk.contracts.EventType<?> type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notifications.getRecords().stream()
                .filter(r -> requestId.equals(r.key()))
                .filter(r -> type.name().equals(new String(r.headers().lastHeader("ce_type").value())))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static RequestSubmitted request(String id, String language) {
        CreditRequestDetails credit = new CreditRequestDetails("sub-1001", "Alpine Bakery SARL",
                new BigDecimal("120.00"), "EUR", new DatePeriod(MONTH, MONTH.plusMonths(1).minusDays(1)),
                MONTH.plusMonths(1), "service-outage", "Four days of outage.");
        return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@northwind.example", new Recipients("Northwind Apps", "billing@northwind.example",
                        List.of("admin@northwind.example", "ops@northwind.example"), language),
                                new RequestDetails.Credit(credit, null));
    }
}
