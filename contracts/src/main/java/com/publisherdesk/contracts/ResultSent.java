package com.publisherdesk.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The result email of a request was accepted by the mail server.
 *
 * @param requestId  the request whose result was sent
 * @param messageId  the email's Message-ID
 * @param outcome    the outcome told ({@code approved}, {@code denied}, {@code review}, ...)
 * @param recipients every address it was sent to
 * @param sentAt     when the mail server accepted it
 */
public record ResultSent(String requestId, String messageId, String outcome, List<String> recipients,
        Instant sentAt) {
}
