package com.publisherdesk.notification.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/**
 * A failure is final only when the mail server answered with a 5xx reply code, whatever its words say; an email may
 * have gone out when the attempt failed without the server's answer.
 */
class SmtpFailuresTest {

    @Test
    void shouldGiveUpOnAPermanentReply() {
        assertTrue(SmtpFailures.isPermanent(reply(550, "550 5.1.1 <nobody@example.com>: User unknown")));
        assertTrue(SmtpFailures.isPermanent(reply(553, "553 5.1.3 Bad recipient address syntax")));
        assertTrue(SmtpFailures.isPermanent(new CompletionException(reply(554, "554 Transaction failed"))));
    }

    @Test
    void shouldRetryATransientReplyWhateverNumbersItsWordsHold() {
        assertFalse(SmtpFailures.isPermanent(reply(421, "421 4.3.2 Service not available, queue 550 full")));
        assertFalse(SmtpFailures.isPermanent(reply(451, "451 4.7.1 Greylisted, try again in 550 seconds")));
    }

    @Test
    void shouldRetryWhenTheServerCannotBeReachedOnAPortHoldingA5() {
        assertFalse(SmtpFailures.isPermanent(new ConnectException("Connection refused: smtp.example/10.0.0.5:587")));
        assertFalse(SmtpFailures.isPermanent(new CompletionException(
                new ConnectException("Connection refused: localhost/127.0.0.1:550"))));
        assertFalse(SmtpFailures.isPermanent(new IllegalStateException("Timed out after 15000 ms (port 25501)")));
    }

    @Test
    void shouldTakeAnEmailWhoseAttemptFailedWithoutAnAnswerAsPerhapsGoneOut() {
        assertTrue(SmtpFailures.mayHaveGoneOut(new CompletionException(
                new java.io.IOException("Connection reset by peer"))));
        assertTrue(SmtpFailures.mayHaveGoneOut(new IllegalStateException("Timed out after 15000 ms")));
    }

    @Test
    void shouldTakeAnEmailTheServerAnsweredOrNeverReachedAsNotGoneOut() {
        assertFalse(SmtpFailures.mayHaveGoneOut(reply(451, "451 4.3.0 Try again later")));
        assertFalse(SmtpFailures.mayHaveGoneOut(new CompletionException(reply(550, "550 5.1.1 User unknown"))));
        assertFalse(SmtpFailures.mayHaveGoneOut(new CompletionException(
                new ConnectException("Connection refused: localhost/127.0.0.1:2525"))));
    }

    private static SMTPException reply(int code, String line) {
        return new SMTPException(line, code, List.of(line), false);
    }
}
