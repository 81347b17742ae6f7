package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A request was not acknowledged by its deadline.
 *
 * @param requestId   the request
 * @param publisherId its publisher
 * @param dueBy       when the acknowledgement was due
 * @param breachedAt  when the breach was noticed
 */
public record AcknowledgementDeadlineBreached(String requestId, String publisherId, Instant dueBy,
        Instant breachedAt) {
}
