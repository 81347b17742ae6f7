package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * The mail server refused an email for good (a bad address, say); it is not retried.
 *
 * @param requestId the request the email was about
 * @param kind      {@code acknowledgement} or {@code result}
 * @param messageId the email's Message-ID
 * @param error     the mail server's answer
 * @param failedAt  when it was refused
 */
public record EmailFailed(String requestId, String kind, String messageId, String error, Instant failedAt) {
}
