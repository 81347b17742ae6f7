package com.publisherdesk.intake.service;

import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.publisherdesk.contracts.AcknowledgementDeadlineBreached;
import com.publisherdesk.contracts.AcknowledgementDeadlineWarning;
import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.EmailFailed;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.TimelineEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps each request's status and timeline as the other services report on it. Most events move the status, note the
 * acknowledgement or add a step with plain statements, without loading the request: a locked load and a full-row
 * update per event were most of intake's Hibernate work in a drain. An approval reads where the request stands, so it
 * loads it.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RequestProgress {

    private static final Logger LOG = Logger.getLogger(RequestProgress.class);
    /** How the timeline names the agent who decided, to the publisher. */
    private static final String AGENT = "a support agent";

    public void confirmed(SubscriptionConfirmed event) {
        if (RequestTypes.SUBSCRIPTION_VALIDATION.equals(event.requestType())) {
            update(event.requestId(), RequestStatus.CONFIRMED, event.checkedAt(), "confirmed",
                    "Confirmed: the subscription and billing address belong to a known customer.",
                    "validation-service");
        } else {
            update(event.requestId(), RequestStatus.VALIDATED, event.checkedAt(), "validated",
                    "The subscription belongs to the customer and to one of your offers.", "validation-service");
        }
    }

    public void notConfirmed(SubscriptionNotConfirmed event) {
        String description = RequestTypes.SUBSCRIPTION_VALIDATION.equals(event.requestType())
                ? "Not confirmed: the desk cannot confirm this subscription with this billing address."
                : "The subscription could not be confirmed for this customer.";
        update(event.requestId(), RequestStatus.NOT_CONFIRMED, event.checkedAt(), "not-confirmed", description,
                "validation-service");
    }

    public void approved(CreditApproved event) {
        find(event.requestId()).ifPresent(request -> {
            if (request.status != RequestStatus.AWAITING_AUTHORIZATION) {
                reviewed(request.id, event.review());
                TimelineEntry.record(request.id, event.decidedAt(), "decided",
                        "Approved: " + why(event.ruling(), event.review()), cause(event.ruling(), event.review()),
                        actor(event.review()));
            }
            request.advanceTo(RequestStatus.APPROVED);
            TimelineEntry.record(request.id, event.decidedAt(), "credit-note-issued", "Credit note "
                    + event.creditNoteNumber() + " issued for " + event.amount().toPlainString() + " "
                    + event.currency() + ".", "credit note " + event.creditNoteNumber());
        });
    }

    public void awaitingAuthorization(CreditAwaitingAuthorization event) {
        reviewed(UUID.fromString(event.requestId()), event.review());
        update(event.requestId(), RequestStatus.AWAITING_AUTHORIZATION, event.decidedAt(), "decided",
                "Approved: " + why(event.ruling(), event.review()) + " The credit note of "
                        + event.amount().toPlainString() + " " + event.currency()
                        + " is issued once you authorize the desk to act on your behalf.",
                cause(event.ruling(), event.review()), actor(event.review()));
    }

    public void denied(CreditDenied event) {
        reviewed(UUID.fromString(event.requestId()), event.review());
        update(event.requestId(), RequestStatus.DENIED, event.decidedAt(), "decided",
                "Denied: " + why(event.ruling(), event.review()) + (event.review() == null ? ""
                        : " The customer is invited to contact the publisher directly."),
                cause(event.ruling(), event.review()), actor(event.review()));
    }

    /**
     * A support agent decided a request the policy sent to review: their decision and note, before the decision. The
     * publisher reads "a support agent"; who it was is kept as the step's actor, for the desk's staff.
     */
    private static void reviewed(UUID requestId, AgentReview review) {
        if (review != null) {
            step(requestId, review.reviewedAt(), "reviewed", "Reviewed by a support agent: "
                    + review.outcome() + ". Note: " + review.note(), AGENT, review.reviewer());
        }
    }

    private static String why(PolicyRuling ruling, AgentReview review) {
        return review == null ? ruling.explanation() : "a support agent decided: " + review.note();
    }

    private static String cause(PolicyRuling ruling, AgentReview review) {
        return review == null ? ruling(ruling) : AGENT + ", after " + ruling(ruling);
    }

    private static String actor(AgentReview review) {
        return review == null ? null : review.reviewer();
    }

    public void reviewRequired(CreditReviewRequired event) {
        update(event.requestId(), RequestStatus.IN_REVIEW, event.decidedAt(), "decided",
                "Sent to a support agent for review: " + event.ruling().explanation(), ruling(event.ruling()));
    }

    public void acknowledged(AcknowledgementSent event) {
        UUID requestId = UUID.fromString(event.requestId());
        DeskRequest.noteAcknowledged(requestId, event.sentAt());
        step(requestId, event.sentAt(), "acknowledged",
                "Acknowledgement emailed to " + String.join(", ", event.recipients()) + ".",
                "email " + event.messageId());
    }

    public void resultSent(ResultSent event) {
        step(UUID.fromString(event.requestId()), event.sentAt(), "result-emailed",
                "Result (" + event.outcome() + ") emailed to " + String.join(", ", event.recipients()) + ".",
                "email " + event.messageId());
    }

    public void emailFailed(EmailFailed event) {
        step(UUID.fromString(event.requestId()), event.failedAt(), "email-failed",
                "The " + event.kind() + " email could not be delivered: " + event.error(),
                "email " + event.messageId());
    }

    public void deadlineWarning(AcknowledgementDeadlineWarning event) {
        step(UUID.fromString(event.requestId()), event.warnedAt(), "acknowledgement-overdue-warning",
                "The acknowledgement is not out yet; it is due by " + event.dueBy() + ".", "acknowledgement clock");
    }

    public void deadlineBreached(AcknowledgementDeadlineBreached event) {
        step(UUID.fromString(event.requestId()), event.breachedAt(), "acknowledgement-late",
                "The acknowledgement was due by " + event.dueBy() + " and is late.", "acknowledgement clock");
    }

    private void update(String requestId, RequestStatus status, Instant at, String step, String description,
            String cause) {
        update(requestId, status, at, step, description, cause, null);
    }

    private void update(String requestId, RequestStatus status, Instant at, String step, String description,
            String cause, String actor) {
        UUID id = UUID.fromString(requestId);
        DeskRequest.advance(id, status);
        step(id, at, step, description, cause, actor);
    }

    private static void step(UUID requestId, Instant at, String step, String description, String cause) {
        step(requestId, at, step, description, cause, null);
    }

    /** Adds a step to the timeline of the request an event names, if the desk knows it. */
    private static void step(UUID requestId, Instant at, String step, String description, String cause,
            String actor) {
        if (!TimelineEntry.recordIfKnown(requestId, at, step, description, cause, actor)) {
            LOG.warnf("Event about unknown request %s ignored", requestId);
        }
    }

    private static java.util.Optional<DeskRequest> find(String requestId) {
        java.util.Optional<DeskRequest> request = DeskRequest.findByIdOptional(UUID.fromString(requestId),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (request.isEmpty()) {
            LOG.warnf("Event about unknown request %s ignored", requestId);
        }
        return request;
    }

    private static String ruling(PolicyRuling ruling) {
        return "rule " + ruling.ruleId() + ", policy " + ruling.policyVersion();
    }
}
