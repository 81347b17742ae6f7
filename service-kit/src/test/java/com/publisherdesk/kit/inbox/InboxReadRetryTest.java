package com.publisherdesk.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A read a consumer makes before its batch is retried in place while the database is away, so that an outage does not
 * fail the consumer's channel; any other failure is not retried.
 */
class InboxReadRetryTest {

    private final Inbox inbox = new Inbox(null, null, null, null, 10);

    @Test
    void shouldRetryAReadUntilTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        String read = inbox.readRetrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLException("An I/O error occurred", "08006"));
            }
            return "wanted";
        });
        assertEquals("wanted", read);
        assertEquals(3, attempts.get());
    }

    @Test
    void shouldNotRetryAReadThatFailedForAnotherReason() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException failure = new IllegalArgumentException("not a database failure");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> inbox.readRetrying(() -> {
            attempts.incrementAndGet();
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(1, attempts.get());
    }
}
