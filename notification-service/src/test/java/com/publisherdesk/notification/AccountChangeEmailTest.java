package com.publisherdesk.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.ProfileChangeDetails;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A change to a publisher's account (profile, co-administrators) is told once, in the publisher's language, to the
 * contact and every administrator, the one removed included, through the real broker and mail server.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class AccountChangeEmailTest {

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
    void shouldTellTheRemovalOfAnAdministratorOnceInFrenchToTheContactTheAdministratorsAndTheOneRemoved()
            throws Exception {
        String id = UUID.randomUUID().toString();
        RequestSubmitted removal = change(id, "fr",
                List.of("admin@lumiere.example", "ops@lumiere.example"), null,
                new AdminChangeDetails(AdminChangeDetails.REMOVED, "ops@lumiere.example"));
        UUID eventId = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, removal, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, removal, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, removal))).awaitCompletion();

        MailboxEmail email = awaitAcknowledgement(id);
        assertEquals(List.of("facturation@lumiere.example"), email.to());
        assertEquals(List.of("admin@lumiere.example", "ops@lumiere.example"), email.cc());
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Appliquée : votre modification des "
                + "co-administrateurs", email.subject());
        assertTrue(email.text().contains("Bonjour Lumière Logiciels SAS") && email.text().contains(
                "admin@lumiere.example a retiré ops@lumiere.example des administrateurs de votre compte"),
                email.text());
        assertTrue(email.html().contains("<strong>ops@lumiere.example</strong>"), email.html());

        AcknowledgementSent sent = EventJson.mapper().readValue(awaitEvent(id), AcknowledgementSent.class);
        assertEquals(3, sent.recipients().size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            List<MailboxEmail> emails = mailbox.about(id);
            return emails.size() == 1 && emails.get(0).deliveries() == 1;
        });
    }

    @Test
    void shouldListEachFieldOfAProfileChangeBeforeAndAfterInEnglish() {
        String id = UUID.randomUUID().toString();
        ProfileChangeDetails profile = new ProfileChangeDetails(List.of(
                new FieldChange("contactEmail", "billing@northwind.example", "accounts@northwind.example"),
                new FieldChange("phone", null, "+44 20 7946 0000"),
                new FieldChange(FieldChange.CREDIT_CONSENT, FieldChange.GIVEN, FieldChange.NOT_GIVEN),
                new FieldChange("companyName", "Northwind Apps", "Northwind <Apps> & Co")));
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, change(id, "en",
                List.of("admin@northwind.example", "billing@northwind.example"), profile, null))).awaitCompletion();

        MailboxEmail email = awaitAcknowledgement(id);
        assertEquals("[Publisher Desk #" + id.substring(0, 8) + "] Applied: your profile change", email.subject());
        assertEquals(List.of("admin@northwind.example", "billing@northwind.example"), email.cc());
        assertTrue(email.text().contains("admin@northwind.example changed your account's profile")
                && email.text().contains("Contact email: billing@northwind.example → accounts@northwind.example")
                && email.text().contains("Phone: (none) → +44 20 7946 0000")
                && email.text().contains("Standing consent to issue credits on your behalf: given → not given"),
                email.text());
        assertTrue(email.html().contains("Northwind &lt;Apps&gt; &amp; Co"), email.html());
    }

    private MailboxEmail awaitAcknowledgement(String requestId) {
        String messageId = "<" + requestId + ".acknowledgement@publisherdesk>";
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.about(requestId).stream()
                .filter(e -> messageId.equals(e.messageId())).findFirst(), Optional::isPresent).orElseThrow();
    }

    private String awaitEvent(String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notifications.getRecords().stream()
                .filter(r -> requestId.equals(r.key()))
                .filter(r -> Events.ACKNOWLEDGEMENT_SENT.name().equals(new String(r.headers().lastHeader("ce_type")
                        .value())))
                .map(r -> r.value()).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** A change as request intake files it: the contact in To, the administrators (and the one removed) in Cc. */
    private static RequestSubmitted change(String id, String language, List<String> cc,
            ProfileChangeDetails profile, AdminChangeDetails admin) {
        boolean french = language.equals("fr");
        Instant now = Instant.now();
        return new RequestSubmitted(id, french ? "lumiere" : "northwind", now, now.plusSeconds(86_400),
                french ? "admin@lumiere.example" : "admin@northwind.example",
                new Recipients(french ? "Lumière Logiciels SAS" : "Northwind Apps",
                        french ? "facturation@lumiere.example" : "accounts@northwind.example", cc, language),
                profile != null ? new RequestDetails.ProfileChange(profile) : new RequestDetails.AdminChange(admin));
    }
}
