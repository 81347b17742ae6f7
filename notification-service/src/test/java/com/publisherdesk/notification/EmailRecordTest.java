package com.publisherdesk.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An email's row is written with plain statements: owed once per request and kind, and recorded as sent once, even
 * when two senders record the same email (one whose claim expired while its email was on the wire). The emails here
 * are about requests the service does not know, so no sender claims them meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class EmailRecordTest {

    @Test
    void shouldOweEachKindOfEmailOnceAboutARequest() {
        UUID request = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(Email.owe(request, EmailKind.ACKNOWLEDGEMENT, null, null));
            assertFalse(Email.owe(request, EmailKind.ACKNOWLEDGEMENT, null, null));
            assertTrue(Email.owe(request, EmailKind.RESULT, "approved", "{\"ruleId\":\"R1\"}"));
        });
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Email.owe(request, EmailKind.RESULT, "denied",
                null)));

        List<Email> owed = QuarkusTransaction.requiringNew().call(() -> Email.ofRequest(request));
        assertEquals(List.of(EmailKind.ACKNOWLEDGEMENT, EmailKind.RESULT), owed.stream().map(e -> e.kind).toList());
        Email result = owed.get(1);
        assertEquals(EmailStatus.PENDING, result.status);
        assertEquals("approved", result.outcome);
        assertEquals(Email.messageIdOf(request, EmailKind.RESULT), result.messageId);
        assertEquals(0, result.attempts);
    }

    @Test
    void shouldRecordAnEmailAsSentOnceWhenTwoSendersRecordIt() {
        UUID request = UUID.randomUUID();
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Email.owe(request, EmailKind.ACKNOWLEDGEMENT, null, null);
            return Email.ofRequest(request).get(0).id;
        });
        Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);

        assertEquals(Set.of(id), QuarkusTransaction.requiringNew().call(() -> Email.noteSent(Map.of(id, first))));
        assertEquals(Set.of(), QuarkusTransaction.requiringNew()
                .call(() -> Email.noteSent(Map.of(id, first.plusSeconds(5)))));
        assertFalse(QuarkusTransaction.requiringNew()
                .call(() -> Email.noteFailure(id, "connection reset", false, true, first.plusSeconds(60))));

        Email sent = QuarkusTransaction.requiringNew().call(() -> Email.<Email>findById(id));
        assertEquals(EmailStatus.SENT, sent.status);
        assertEquals(first, sent.sentAt);
        assertNull(sent.lastError);
        assertFalse(sent.deliveryUncertain);
    }

    @Test
    void shouldScheduleAnotherAttemptOrGiveUpOnAFailedEmail() {
        UUID request = UUID.randomUUID();
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Email.owe(request, EmailKind.ACKNOWLEDGEMENT, null, null);
            return Email.ofRequest(request).get(0).id;
        });
        Instant retryAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);

        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Email.noteFailure(id, "connection reset", false, true, retryAt)));
        Email retried = QuarkusTransaction.requiringNew().call(() -> Email.<Email>findById(id));
        assertEquals(EmailStatus.PENDING, retried.status);
        assertEquals(retryAt, retried.nextAttemptAt);
        assertEquals("connection reset", retried.lastError);
        assertTrue(retried.deliveryUncertain);

        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Email.noteFailure(id, "550 no such user", true, false, retryAt)));
        assertEquals(EmailStatus.FAILED, QuarkusTransaction.requiringNew()
                .call(() -> Email.<Email>findById(id)).status);
    }
}
