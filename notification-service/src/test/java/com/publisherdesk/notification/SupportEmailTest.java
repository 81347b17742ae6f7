package com.publisherdesk.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SupportRequestDetails;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A support request is acknowledged once, in the publisher's language, with the topic, the channel it was routed to,
 * who answers and how soon; no result email follows, as that channel's team answers.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class SupportEmailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private KafkaCompanion kafka;
    private Mailbox mailbox;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        mailbox = new Mailbox(mailboxUrl);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void shouldAcknowledgeASupportRequestOnceInFrenchNamingTheTopicTheChannelWhoAnswersAndHowSoon() {
        String id = UUID.randomUUID().toString();
        RequestSubmitted support = support(id, "fr", null, null);
        UUID eventId = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, support, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, support, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, support))).awaitCompletion();

        MailboxEmail email = awaitAcknowledgement(id);
        assertEquals(List.of("facturation@lumiere.example"), email.to());
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Nous avons bien reçu votre demande d'assistance : "
                + "Changer le compte lié au compte vendeur", email.subject());
        String text = email.text().replaceAll("\\s+", " ");
        assertTrue(text.contains("Bonjour Lumière Logiciels SAS")
                && text.contains("le guichet l'a transmise au canal Support des comptes développeur")
                && text.contains("Vous recevrez la réponse de l'équipe des comptes développeur, généralement sous "
                        + "3 jours ouvrés"), email.text());
        assertTrue(email.html().contains("<strong>Support des comptes développeur</strong>"), email.html());
        assertOnlyTheAcknowledgement(id);
    }

    @Test
    void shouldAcknowledgeASupportRequestAboutACustomerInEnglish() {
        String id = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id,
                support(id, "en", "sub-1001", "Alpine <Bakery> SARL"))).awaitCompletion();

        MailboxEmail email = awaitAcknowledgement(id);
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] We received your support request: "
                + "Changing the account tied to the seller account", email.subject());
        String text = email.text().replaceAll("\\s+", " ");
        assertTrue(text.contains("Subscription: sub-1001") && text.contains("Customer: Alpine <Bakery> SARL")
                && text.contains("the desk routed it to Developer account support")
                && text.contains("answered by the developer account team, typically within 3 business days"),
                email.text());
        assertTrue(email.html().contains("Alpine &lt;Bakery&gt; SARL"), email.html());
        assertOnlyTheAcknowledgement(id);
    }

    private void assertOnlyTheAcknowledgement(String id) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            List<MailboxEmail> emails = mailbox.about(id);
            return emails.size() == 1 && emails.get(0).deliveries() == 1;
        });
        List<Email> owed = QuarkusTransaction.requiringNew().call(() -> Email.ofRequest(UUID.fromString(id)));
        assertEquals(List.of(EmailKind.ACKNOWLEDGEMENT), owed.stream().map(email -> email.kind).toList());
        NotifiedRequest request = QuarkusTransaction.requiringNew().call(() -> NotifiedRequest
                .<NotifiedRequest>findById(UUID.fromString(id)));
        assertTrue(request.acknowledgedAt != null && request.breachedAt == null, "the clock was not stopped");
    }

    private MailboxEmail awaitAcknowledgement(String requestId) {
        String messageId = "<" + requestId + ".acknowledgement@publisherdesk>";
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.about(requestId).stream()
                .filter(e -> messageId.equals(e.messageId())).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** A support request as request intake files it, routed to the developer account channel. */
    private static RequestSubmitted support(String id, String language, String subscriptionId, String customer) {
        boolean french = language.equals("fr");
        Instant now = Instant.now();
        return new RequestSubmitted(id, french ? "lumiere" : "northwind", now, now.plusSeconds(86_400),
                french ? "admin@lumiere.example" : "admin@northwind.example",
                new Recipients(french ? "Lumière Logiciels SAS" : "Northwind Apps",
                        french ? "facturation@lumiere.example" : "billing@northwind.example", List.of(), language),
                                new RequestDetails.Support(new SupportRequestDetails("change-seller-account",
                        Map.of("en", "Changing the account tied to the seller account",
                                "fr", "Changer le compte lié au compte vendeur"), "developer-account",
                        Map.of("en", "Developer account support", "fr", "Support des comptes développeur"),
                        Map.of("en", "the developer account team", "fr", "l'équipe des comptes développeur"),
                        Map.of("en", "3 business days", "fr", "3 jours ouvrés"),
                        "Move our seller account", "We merged with another company.", subscriptionId, customer)));
    }
}
