package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A request was acknowledged before its deadline.
 *
 * @param requestId      the request
 * @param publisherId    its publisher
 * @param dueBy          when the acknowledgement was due
 * @param acknowledgedAt when the acknowledgement went out
 */
public record AcknowledgementDeadlineMet(String requestId, String publisherId, Instant dueBy,
        Instant acknowledgedAt) {
}
