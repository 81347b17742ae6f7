package com.publisherdesk.notification.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.EmailStatus;
import com.publisherdesk.notification.NotifiedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The sender works off a queue of emails owed at once: each once, in order within a request, none held back. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class EmailSenderTest {

    private static final String UNDELIVERABLE = "no-domain@";

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    @Inject
    EmailSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void shouldSendAQueueOfManyEmailsForManyRequestsEachExactlyOnce() {
        List<UUID> requests = queue(250, "billing@northwind.example", true);
        Instant queued = Instant.now();

        await().atMost(Duration.ofMinutes(3)).until(() -> count(requests, EmailStatus.SENT) == 500);
        System.out.printf("Sent 500 queued emails (250 requests, an acknowledgement and a result each) in %d ms%n",
                Duration.between(queued, Instant.now()).toMillis());

        Map<String, MailboxEmail> received = received(requests);
        assertEquals(500, received.size());
        received.values().forEach(email -> assertEquals(1, email.deliveries(), email.messageId() + " went twice"));
    }

    @Test
    void shouldDeliverTheAcknowledgementBeforeTheResultWhenBothAreDueAtOnce() {
        List<UUID> requests = queue(20, "billing@northwind.example", false);

        await().atMost(Duration.ofMinutes(1)).until(() -> count(requests, EmailStatus.SENT) == 40);
        Map<String, MailboxEmail> received = received(requests);
        for (UUID request : requests) {
            Email acknowledgement = email(request, EmailKind.ACKNOWLEDGEMENT);
            Email result = email(request, EmailKind.RESULT);
            assertTrue(result.claimedAt.isAfter(acknowledgement.sentAt),
                    "the result of " + request + " was claimed before its acknowledgement was sent");
            assertFalse(received.get(acknowledgement.messageId).receivedAt()
                    .isAfter(received.get(result.messageId).receivedAt()), "the result of " + request + " came first");
        }
    }

    @Test
    void shouldSendTheRestOfABatchWhenOneRecipientIsRefused() {
        List<UUID> before = queue(10, "billing@northwind.example", false);
        UUID refused = queue(1, UNDELIVERABLE, false).get(0);
        List<UUID> after = queue(10, "billing@northwind.example", false);
        List<UUID> deliverable = new ArrayList<>(before);
        deliverable.addAll(after);

        await().atMost(Duration.ofMinutes(1)).until(() -> count(deliverable, EmailStatus.SENT) == 40);
        Email failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> email(refused, EmailKind.ACKNOWLEDGEMENT), email -> email.lastError != null);
        assertTrue(failed.status != EmailStatus.SENT && failed.attempts >= 1, failed.status + " " + failed.attempts);
        Email result = email(refused, EmailKind.RESULT);
        assertEquals(EmailStatus.PENDING, result.status);
        assertEquals(0, result.attempts, "the result waits for its acknowledgement");
        assertEquals(40, received(deliverable).size());
        assertTrue(new Mailbox(mailboxUrl).about(refused.toString()).isEmpty());
    }

    /**
     * Records {@code requests} subscription validations, each owed its acknowledgement and its result, all due at
     * once; with {@code resultFirst} false the result is recorded first (as when the verdict arrives before the
     * request), so that only the sender's order puts the acknowledgement first.
     */
    private List<UUID> queue(int requests, String contact, boolean resultFirst) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                UUID id = UUID.randomUUID();
                request(id, contact).persist();
                if (resultFirst) {
                    Email.owe(id, EmailKind.ACKNOWLEDGEMENT, null, null);
                    Email.owe(id, EmailKind.RESULT, "confirmed", null);
                } else {
                    Email.owe(id, EmailKind.RESULT, "confirmed", null);
                    Email.owe(id, EmailKind.ACKNOWLEDGEMENT, null, null);
                }
                ids.add(id);
            }
            sender.wakeAfterCommit(transactions);
            return ids;
        });
    }

    /** A subscription validation of northwind's, in English, to {@code contact}, its clock started. */
    static NotifiedRequest request(UUID id, String contact) throws JsonProcessingException {
        NotifiedRequest request = new NotifiedRequest();
        request.requestId = id;
        request.publisherId = "northwind";
        request.type = RequestTypes.SUBSCRIPTION_VALIDATION;
        request.publisherName = "Northwind Apps";
        request.language = "en";
        request.toAddress = contact;
        request.ccAddresses = "";
        request.submittedAt = Instant.now();
        request.acknowledgementDueBy = request.submittedAt.plus(Duration.ofDays(1));
        request.details = EventJson.mapper().writeValueAsString(new SubscriptionValidationDetails("sub-1002",
                new BillingAddress("350 Fifth Avenue", null, "New York", "NY", "10118", "US")));
        request.startClock(0.8);
        return request;
    }

    private static long count(List<UUID> requests, EmailStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> Email.count("requestId in ?1 and status = ?2", requests,
                status));
    }

    private static Email email(UUID request, EmailKind kind) {
        Email email = QuarkusTransaction.requiringNew().call(() -> Email.ofRequest(request).stream()
                .filter(owed -> owed.kind == kind).findFirst().orElse(null));
        assertNotNull(email, kind + " of " + request);
        return email;
    }

    /** What the mailbox received about these requests, by Message-ID. */
    private Map<String, MailboxEmail> received(List<UUID> requests) {
        List<String> ids = requests.stream().map(UUID::toString).toList();
        return new Mailbox(mailboxUrl).emails().stream()
                .filter(email -> email.messageId() != null && ids.stream().anyMatch(email.messageId()::contains))
                .collect(Collectors.toMap(MailboxEmail::messageId, Function.identity()));
    }
}
