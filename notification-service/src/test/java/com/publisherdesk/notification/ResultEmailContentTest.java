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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Every kind of result email, in English and in French, through the real broker and SMTP server. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class ResultEmailContentTest {

    private static final PolicyRuling RULING = new PolicyRuling("rule", "Because of the rule.", "sha256:1",
            java.util.Map.of("en", "Because of the rule.", "fr", "En raison de la règle."));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "approved      | en | Decision on your credit request           | is approved. Credit note CN-2026-000777",
        "approved      | fr | Décision sur votre demande d'avoir         | est acceptée. L'avoir CN-2026-000777",
        "denied        | en | Decision on your credit request           | is denied: Because of the rule.",
        "denied        | fr | Décision sur votre demande d'avoir         | est refusée : En raison de la règle.",
        "approved-by-agent | en | Decision on your credit request | reviewed it and wrote: \"Outage confirmed.\"",
        "approved-by-agent | fr | Décision sur votre demande d'avoir | l'a examinée et a écrit : "
                + "« Outage confirmed. »",
        "denied-by-agent | en | Decision on your credit request | who wrote: \"Not on the publisher's side.\" "
                + "The customer is invited to contact the publisher directly.",
        "denied-by-agent | fr | Décision sur votre demande d'avoir | qui a écrit : "
                + "« Not on the publisher's side. » Le client est invité à contacter directement l'éditeur.",
        "review        | en | A support agent is reviewing your credit request | was handed to a support agent",
        "review        | fr | Un agent du support examine votre demande d'avoir | a été confiée à un agent",
        "confirmed     | en | Decision on your subscription validation  | are CONFIRMED",
        "confirmed     | fr | Décision sur votre vérification d'abonnement | sont CONFIRMÉS",
        "not-confirmed | en | Decision on your subscription validation  | are NOT CONFIRMED",
        "not-confirmed | fr | Décision sur votre vérification d'abonnement | ne sont PAS CONFIRMÉS" })
    void shouldWordEachResultInThePublishersLanguage(String outcome, String language, String subject, String words) {
        String id = UUID.randomUUID().toString();
        boolean validation = outcome.contains("confirmed");
        send(Events.REQUEST_SUBMITTED, id, request(id, language, validation));
        switch (outcome) {
            case "approved" -> send(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind", "sub-1001",
                    RULING, "CN-2026-000777", new BigDecimal("120.00"), "EUR", Instant.now()));
            case "denied" -> send(Events.CREDIT_DENIED, id,
                    new CreditDenied(id, "northwind", "sub-1001", RULING, Instant.now()));
            case "approved-by-agent" -> send(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind",
                    "sub-1001", RULING, "CN-2026-000778", new BigDecimal("800.00"), "EUR", Instant.now(),
                    new AgentReview("agent@desk.example", AgentReview.APPROVED, "Outage confirmed.", Instant.now())));
            case "denied-by-agent" -> send(Events.CREDIT_DENIED, id, new CreditDenied(id, "northwind", "sub-1001",
                    RULING, Instant.now(), new AgentReview("agent@desk.example", AgentReview.DENIED,
                            "Not on the publisher's side.", Instant.now())));
            case "review" -> send(Events.CREDIT_REVIEW_REQUIRED, id,
                    new CreditReviewRequired(id, "northwind", "sub-1001", RULING, Instant.now()));
            case "confirmed" -> send(Events.SUBSCRIPTION_CONFIRMED, id, new SubscriptionConfirmed(id, "northwind",
                    "sub-1002", Instant.now(), RequestTypes.SUBSCRIPTION_VALIDATION));
            default -> send(Events.SUBSCRIPTION_NOT_CONFIRMED, id, new SubscriptionNotConfirmed(id, "northwind",
                    "sub-1002", "address-mismatch", Instant.now(), RequestTypes.SUBSCRIPTION_VALIDATION));
        }

        String messageId = "<" + id + (outcome.equals("review") ? ".review" : ".result") + "@publisherdesk>";
        MailboxEmail email = await().atMost(Duration.ofSeconds(30)).until(() -> new Mailbox(mailboxUrl).about(id)
                .stream().filter(e -> messageId.equals(e.messageId())).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] " + subject, email.subject());
        assertTrue(email.text().contains(words), email.text());
        assertTrue(email.html().contains("lang=\"" + language + "\"") && email.html().contains(id), email.html());
        assertTrue(!email.text().contains("address-mismatch"), "the reason code must not reach the publisher");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
        "en | Your authorization is needed for your credit request | has no standing consent on record",
        "fr | Votre autorisation est nécessaire pour votre demande d'avoir | pas de consentement permanent" })
    void shouldAskOnceForTheAuthorizationOfACreditApprovedWithoutConsentThenSendTheResult(String language,
            String subject, String words) {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, language, false));
        CreditAwaitingAuthorization waiting = new CreditAwaitingAuthorization(id, "northwind", "sub-1001", RULING,
                new BigDecimal("120.00"), "EUR", Instant.now());
        send(Events.CREDIT_AWAITING_AUTHORIZATION, id, waiting);
        send(Events.CREDIT_AWAITING_AUTHORIZATION, id, waiting);
        send(Events.CREDIT_APPROVED, id, new CreditApproved(id, "northwind", "sub-1001", RULING, "CN-2026-000778",
                new BigDecimal("120.00"), "EUR", Instant.now()));

        List<MailboxEmail> emails = await().atMost(Duration.ofSeconds(30))
                .until(() -> new Mailbox(mailboxUrl).about(id), found -> found.size() == 3);
        String askingId = "<" + id + ".authorization@publisherdesk>";
        MailboxEmail asking = emails.stream().filter(e -> e.messageId().equals(askingId)).findFirst()
                .orElseThrow(() -> new AssertionError(emails.toString()));
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] " + subject, asking.subject());
        assertTrue(asking.text().contains(words), asking.text());
        String call = "POST /v1/publishers/northwind/requests/" + id + "/credit-authorization";
        assertTrue(asking.text().contains(call) && asking.text().contains("120"), asking.text());
        assertTrue(asking.html().contains(call), asking.html());
        for (String internal : List.of("http://", "127.0.0.1", "localhost")) {
            assertTrue(!asking.text().contains(internal) && !asking.html().contains(internal),
                    "without a public address configured, the email quotes none: " + asking.text());
        }
        assertTrue(emails.stream().allMatch(e -> e.deliveries() == 1), emails::toString);
        assertTrue(emails.stream().anyMatch(e -> e.messageId().equals("<" + id + ".result@publisherdesk>")),
                emails::toString);
    }

    private <T> void send(EventType<T> type, String id, T payload) {
        kafka.produceStrings().fromRecords(CloudEventRecords.record(type, id, payload)).awaitCompletion();
    }

    private static RequestSubmitted request(String id, String language, boolean validation) {
        Recipients recipients = new Recipients("Northwind Apps", "billing@northwind.example", List.of(), language);
        if (validation) {
            return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                    "admin@northwind.example", recipients,
                    new RequestDetails.SubscriptionValidation(new SubscriptionValidationDetails("sub-1002",
                            new BillingAddress("350 Fifth Avenue", null, "New York", "NY", "10118", "US"))));
        }
        LocalDate month = LocalDate.of(2026, 10, 1);
        return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@northwind.example", recipients, new RequestDetails.Credit(new CreditRequestDetails("sub-1001",
                "Alpine Bakery SARL", new BigDecimal("120.00"), "EUR",
                        new DatePeriod(month, month.plusMonths(1).minusDays(1)), month.plusMonths(1),
                        "service-outage", "test"), null));
    }
}
