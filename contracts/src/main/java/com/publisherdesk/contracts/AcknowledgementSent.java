package com.publisherdesk.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The acknowledgement email of a request was accepted by the mail server.
 *
 * @param requestId  the request acknowledged
 * @param messageId  the email's Message-ID
 * @param recipients every address it was sent to
 * @param sentAt     when the mail server accepted it
 * @param onTime     whether it went out before the acknowledgement deadline
 */
public record AcknowledgementSent(String requestId, String messageId, List<String> recipients, Instant sentAt,
        boolean onTime) {
}
