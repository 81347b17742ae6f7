package com.publisherdesk.notification.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown",
        "recipient address not accepted: 553 5.1.3 Bad recipient address syntax",
        "554-Transaction failed" })
    void shouldGiveUpOnAPermanentRefusal(String failure) {
        assertTrue(SmtpFailures.isPermanent(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Connection refused: localhost/127.0.0.1:2525",
        "421 4.3.2 Service not available, closing transmission channel",
        "451 4.7.1 Greylisted, try again later", "Timed out after 15000 ms (port 25501)" })
    void shouldRetryATransientFailure(String failure) {
        assertFalse(SmtpFailures.isPermanent(failure));
    }
}
