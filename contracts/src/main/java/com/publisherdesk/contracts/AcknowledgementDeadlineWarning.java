package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A request is still unacknowledged at the warning point of its acknowledgement window (80 % by default).
 *
 * @param requestId   the request
 * @param publisherId its publisher
 * @param dueBy       when the acknowledgement is due
 * @param warnedAt    when the warning was raised
 */
public record AcknowledgementDeadlineWarning(String requestId, String publisherId, Instant dueBy, Instant warnedAt) {
}
