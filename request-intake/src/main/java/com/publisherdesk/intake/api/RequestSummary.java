package com.publisherdesk.intake.api;

import java.time.Instant;
import java.util.UUID;

import com.publisherdesk.intake.DeskRequest;

/**
 * A request in a list.
 *
 * @param requestId      its id
 * @param type           what kind of request
 * @param status         where it stands
 * @param subscriptionId the subscription it is about, if any
 * @param submittedAt    when the desk accepted it
 * @param acknowledgedAt when its acknowledgement went out, if it did
 */
public record RequestSummary(UUID requestId, String type, String status, String subscriptionId, Instant submittedAt,
        Instant acknowledgedAt) {

    public static RequestSummary of(DeskRequest request) {
        return new RequestSummary(request.id, request.type, request.status.wire(), request.subscriptionId,
                request.submittedAt, request.acknowledgedAt);
    }
}
