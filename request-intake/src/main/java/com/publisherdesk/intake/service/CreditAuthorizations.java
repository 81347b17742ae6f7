package com.publisherdesk.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.CreditAuthorized;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Records a publisher's authorization to issue one credit to its customer on its behalf, once. */
@ApplicationScoped
@Transactional
public class CreditAuthorizations {

    private final Outbox outbox;
    private final Clock clock;

    public CreditAuthorizations(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Authorizes the credit of {@code requestId}; the answer says whether this call recorded it or an earlier one
     * (or the publisher's standing consent) already had.
     */
    public Recorded authorize(String publisherId, UUID requestId, String authorizedBy) {
        DeskRequest request = DeskRequest.<DeskRequest>findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.publisherId.equals(publisherId))
                .orElseThrow(() -> ProblemException.notFound("Request"));
        if (!RequestTypes.CREDIT.equals(request.type)) {
            throw new ProblemException(409, "not-a-credit-request", "Not a credit request",
                    "Only credit requests are authorized; this is a " + request.type + " request.");
        }
        if (request.creditAuthorizedBy != null) {
            return Recorded.of(request, false);
        }
        if (request.status == RequestStatus.DENIED) {
            throw new ProblemException(409, "credit-denied", "The credit was denied",
                    "This credit was denied under policy; there is no credit to authorize.");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        request.creditAuthorizationKind = CreditAuthorization.REQUEST;
        request.creditAuthorizedBy = authorizedBy;
        request.creditAuthorizedAt = now;
        TimelineEntry.record(request.id, now, "authorization-recorded", authorizedBy + " authorized the desk to "
                + "issue this credit to the customer on the publisher's behalf.", "POST by " + authorizedBy);
        outbox.publish(Events.CREDIT_AUTHORIZED, request.id.toString(), new CreditAuthorized(request.id.toString(),
                publisherId, new CreditAuthorization(CreditAuthorization.REQUEST, authorizedBy, now)));
        return Recorded.of(request, true);
    }

    /**
     * An authorization on record.
     *
     * @param requestId    the credit request
     * @param kind         standing-consent or request
     * @param authorizedBy who gave it
     * @param authorizedAt when
     * @param created      whether this call recorded it
     */
    public record Recorded(UUID requestId, String kind, String authorizedBy, Instant authorizedAt, boolean created) {

        static Recorded of(DeskRequest request, boolean created) {
            return new Recorded(request.id, request.creditAuthorizationKind, request.creditAuthorizedBy,
                    request.creditAuthorizedAt, created);
        }
    }
}
