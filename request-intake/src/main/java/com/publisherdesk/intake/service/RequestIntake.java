package com.publisherdesk.intake.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.IdempotencyKey;
import com.publisherdesk.intake.NewCreditRequest;
import com.publisherdesk.intake.NewSubscriptionValidation;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.intake.config.AcknowledgementConfig;
import com.publisherdesk.kit.files.Sha256;
import com.publisherdesk.kit.logging.LogContext;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Accepts requests of every type, each stored with its submitted event in one transaction, keys honoured. */
@ApplicationScoped
@Transactional
public class RequestIntake {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final ValidationThrottle throttle;
    private final Duration acknowledgementWindow;
    private final Clock clock;

    public RequestIntake(Outbox outbox, ObjectMapper json, ValidationThrottle throttle,
            AcknowledgementConfig acknowledgement, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.throttle = throttle;
        this.acknowledgementWindow = acknowledgement.window();
        this.clock = clock;
    }

    /** Files a credit request, or returns the one an earlier call with the same idempotency key filed. */
    public Accepted submitCredit(String publisherId, String submittedBy, String idempotencyKey,
            NewCreditRequest body) {
        return submit(publisherId, submittedBy, idempotencyKey, RequestTypes.CREDIT, body.subscriptionId(), body,
                (request, publisher) -> submitted(request, publisher,
                        new RequestDetails.Credit(creditDetails(body), publisher.standingConsent().orElse(null))));
    }

    /** Files a subscription validation, unless this publisher has tried too often; idempotent like every request. */
    public Accepted submitValidation(String publisherId, String submittedBy, String idempotencyKey,
            NewSubscriptionValidation body) {
        return submit(publisherId, submittedBy, idempotencyKey, RequestTypes.SUBSCRIPTION_VALIDATION,
                body.subscriptionId(), body,
                (request, publisher) -> submitted(request, publisher,
                        new RequestDetails.SubscriptionValidation(validationDetails(body))));
    }

    /**
     * Files a request of any type with its key honoured: returns the request an earlier call with the same key and
     * body filed, refuses the key with another body, or stores a new request and, in the same transaction, whatever
     * {@code event} adds to it and the {@code RequestSubmitted} it answers.
     */
    public Accepted submit(String publisherId, String submittedBy, String idempotencyKey, String type,
            String subscriptionId, Object body, BiFunction<DeskRequest, Publisher, RequestSubmitted> event) {
        Publisher publisher = Publisher.byId(publisherId).orElseThrow(() -> ProblemException.notFound("Publisher"));
        String details = toJson(body);
        Optional<Accepted> replay = replay(publisherId, idempotencyKey, details);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (RequestTypes.SUBSCRIPTION_VALIDATION.equals(type)) {
            throttle.check(publisherId, subscriptionId, Instant.now(clock));
        }
        if (body instanceof NewCreditRequest credit) {
            refuseOverlap(publisherId, credit);
        }
        DeskRequest request = store(publisher, submittedBy, type, subscriptionId, body, details);
        remember(publisherId, idempotencyKey, details, request);
        outbox.publish(Events.REQUEST_SUBMITTED, request.id.toString(), event.apply(request, publisher));
        return Accepted.of(request, false);
    }

    private static void refuseOverlap(String publisherId, NewCreditRequest credit) {
        DeskRequest.lockCreditsFor(publisherId, credit.subscriptionId());
        DeskRequest.overlappingCredit(publisherId, credit.subscriptionId(), credit.creditPeriod().from(),
                credit.creditPeriod().to()).ifPresent(existing -> {
                    throw ProblemException.conflict("duplicate-credit-request", "A credit request already covers "
                            + "this period", "Request " + existing.id + " (" + existing.status.wire() + ") already "
                            + "covers this subscription for an overlapping period; follow it instead.",
                            "/v1/publishers/" + publisherId + "/requests/" + existing.id);
                });
    }

    private static RequestSubmitted submitted(DeskRequest request, Publisher publisher, RequestDetails details) {
        return new RequestSubmitted(request.id.toString(), publisher.id, request.submittedAt,
                request.acknowledgementDueBy, request.submittedBy, publisher.recipients(), details);
    }

    /** Stores the request with every field it will have, so that it is written with one insert. */
    private DeskRequest store(Publisher publisher, String submittedBy, String type, String subscriptionId, Object body,
            String details) {
        DeskRequest request = newRequest(publisher, submittedBy, type, subscriptionId, body, details);
        request.persist();
        TimelineEntry.record(request.id, request.submittedAt, "submitted", "The desk received the request.",
                "POST by " + request.submittedBy);
        return request;
    }

    /**
     * A new request as it will be stored: submitted now by the clock, its acknowledgement due one window later, and a
     * credit request with its period and the publisher's standing consent, if it gave one.
     */
    DeskRequest newRequest(Publisher publisher, String submittedBy, String type, String subscriptionId, Object body,
            String details) {
        DeskRequest request = new DeskRequest();
        request.id = UUID.randomUUID();
        LogContext.noteRequestId(request.id.toString());
        request.publisherId = publisher.id;
        request.type = type;
        request.subscriptionId = subscriptionId;
        request.status = RequestStatus.SUBMITTED;
        request.submittedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        request.acknowledgementDueBy = request.submittedAt.plus(acknowledgementWindow);
        request.submittedBy = submittedBy;
        request.details = details;
        if (body instanceof NewCreditRequest credit) {
            request.periodFrom = credit.creditPeriod().from();
            request.periodTo = credit.creditPeriod().to();
            publisher.standingConsent().ifPresent(consent -> {
                request.creditAuthorizationKind = consent.kind();
                request.creditAuthorizedBy = consent.givenBy();
                request.creditAuthorizedAt = consent.givenAt();
            });
        }
        return request;
    }

    private Optional<Accepted> replay(String publisherId, String key, String details) {
        if (key == null) {
            return Optional.empty();
        }
        return IdempotencyKey.find(publisherId, key).map(known -> {
            if (!known.bodyHash.equals(Sha256.hex(details))) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was first used with a different body.");
            }
            return Accepted.of(DeskRequest.findById(known.requestId), true);
        });
    }

    private void remember(String publisherId, String key, String details, DeskRequest request) {
        if (key == null) {
            return;
        }
        IdempotencyKey remembered = new IdempotencyKey();
        remembered.publisherId = publisherId;
        remembered.key = key;
        remembered.bodyHash = Sha256.hex(details);
        remembered.requestId = request.id;
        remembered.createdAt = request.submittedAt;
        remembered.persist();
    }

    private static SubscriptionValidationDetails validationDetails(NewSubscriptionValidation body) {
        NewSubscriptionValidation.Address address = body.billingAddress();
        return new SubscriptionValidationDetails(body.subscriptionId(), new BillingAddress(address.line1(),
                address.line2(), address.city(), address.region(), address.postalCode(), address.country()));
    }

    private static CreditRequestDetails creditDetails(NewCreditRequest body) {
        return new CreditRequestDetails(body.subscriptionId(), body.customerName(), new BigDecimal(body.amount()),
                body.currency(), new DatePeriod(body.creditPeriod().from(), body.creditPeriod().to()),
                body.billingDate(), body.reason().code(), body.reason().description());
    }

    /** The fields as filed, as the request keeps them and its idempotency key hashes them. */
    String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated body is always writable", e);
        }
    }

    /**
     * A request the desk accepted.
     *
     * @param requestId            its id
     * @param publisherId          its publisher
     * @param status               where it stands now
     * @param acknowledgementDueBy when the acknowledgement is due at the latest
     * @param replayed             whether an earlier call with the same idempotency key filed it
     */
    public record Accepted(UUID requestId, String publisherId, String status, Instant acknowledgementDueBy,
            boolean replayed) {

        static Accepted of(DeskRequest request, boolean replayed) {
            return new Accepted(request.id, request.publisherId, request.status.wire(), request.acknowledgementDueBy,
                    replayed);
        }
    }
}
