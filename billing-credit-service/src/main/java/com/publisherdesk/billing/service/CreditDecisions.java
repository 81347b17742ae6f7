package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.publisherdesk.billing.Charge;
import com.publisherdesk.billing.ChargeBalance;
import com.publisherdesk.billing.CreditDecision;
import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.CreditReview;
import com.publisherdesk.billing.CreditStatus;
import com.publisherdesk.billing.policy.CreditFacts;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.LedgerGuard;
import com.publisherdesk.billing.policy.PolicyOutcome;
import com.publisherdesk.billing.policy.PolicyRuling;
import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAuthorized;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.kit.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Joins each credit request with its subscription verdict, decides it under policy and issues the credit note. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CreditDecisions {

    private final CreditPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    public CreditDecisions(CreditPolicy policy, Outbox outbox, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void onRequestSubmitted(RequestSubmitted event) {
        if (!(event.details() instanceof RequestDetails.Credit credit)) {
            return;
        }
        CreditRequest request = CreditRequest.findOrStart(UUID.fromString(event.requestId()));
        if (request.subscriptionId == null) {
            fill(request, event, credit.request());
        }
        request.noteAuthorization(credit.standingConsent());
        decideIfReady(request);
    }

    /**
     * The publisher authorized the credit: an approval waiting for it issues its credit note now, if what is left to
     * credit on its charge still covers it; otherwise it is denied.
     */
    public void onAuthorized(CreditAuthorized event) {
        CreditRequest request = CreditRequest.findOrStart(UUID.fromString(event.requestId()));
        request.noteAuthorization(event.authorization());
        if (request.status == CreditStatus.AWAITING_AUTHORIZATION) {
            CreditDecision decision = CreditDecision.findById(request.requestId);
            Instant now = now();
            if (isCreditable(request)) {
                issue(request, decision.ruling(), CreditReview.of(request.requestId), now);
            } else {
                deny(request, contract(LedgerGuard.exceedsCreditable(policy)), null, now);
            }
        }
    }

    public void onConfirmed(SubscriptionConfirmed event) {
        noteVerdict(event.requestId(), "confirmed");
    }

    public void onNotConfirmed(SubscriptionNotConfirmed event) {
        noteVerdict(event.requestId(), "not-confirmed");
    }

    private void noteVerdict(String requestId, String verdict) {
        CreditRequest request = CreditRequest.findOrStart(UUID.fromString(requestId));
        if (request.verdict == null) {
            request.verdict = verdict;
        }
        decideIfReady(request);
    }

    private void decideIfReady(CreditRequest request) {
        if (!request.isReadyToDecide()) {
            return;
        }
        CreditFacts facts = factsOf(request, lockBalance(request));
        PolicyRuling ruling = guarded(policy.decide(facts), facts);
        Instant now = now();
        record(request, ruling, facts, now);
        switch (ruling.outcome()) {
            case APPROVED -> approve(request, contract(ruling), null, now);
            case DENIED -> deny(request, contract(ruling), null, now);
            case REVIEW -> sendToReview(request, ruling, now);
        }
    }

    /**
     * A support agent decided a request in review: an approval takes the approved path (the credit note issued once
     * the publisher's authorization is on record), a denial the denial path; either carries the agent's review and
     * the rule that sent the request to review.
     */
    public void decideAfterReview(CreditRequest request, CreditReview review) {
        com.publisherdesk.contracts.PolicyRuling ruling = CreditDecision.<CreditDecision>findById(request.requestId)
                .ruling();
        if (AgentReview.APPROVED.equals(review.outcome)) {
            approve(request, ruling, review.contract(), review.reviewedAt);
        } else {
            deny(request, ruling, review.contract(), review.reviewedAt);
        }
    }

    /**
     * Whether what is left to credit on the charge of {@code request}'s period still covers it, read under the lock
     * on the charge (held until the transaction ends).
     */
    public boolean isCreditable(CreditRequest request) {
        return lockBalance(request).filter(balance -> balance.covers(request.amount)).isPresent();
    }

    /** What is left to credit on the charge of {@code request}'s period now, without locking; empty if none. */
    public Optional<ChargeBalance> balanceOf(CreditRequest request) {
        return Charge.covering(request.subscriptionId, request.periodFrom, request.periodTo)
                .map(charge -> ChargeBalance.of(charge, request));
    }

    /** What the policy would know about {@code request}, read from the ledger as it stands, without locking. */
    public CreditFacts factsOf(CreditRequest request) {
        return factsOf(request, balanceOf(request));
    }

    /**
     * Locks the request, then the charge of its period (always in this order, on every path that may issue a credit
     * note, so two of them never wait on each other), and reads the charge's balance under that lock. A request read
     * with its lock (as every event's is) is not written or locked again here.
     */
    private Optional<ChargeBalance> lockBalance(CreditRequest request) {
        EntityManager entities = CreditRequest.getEntityManager();
        if (entities.getLockMode(request) != LockModeType.PESSIMISTIC_WRITE) {
            entities.flush();
            entities.lock(request, LockModeType.PESSIMISTIC_WRITE);
        }
        return Charge.lockCovering(request.subscriptionId, request.periodFrom, request.periodTo)
                .map(charge -> ChargeBalance.of(charge, request));
    }

    /** The policy's ruling, unless it approves more than is left to credit (a policy may omit that rule). */
    PolicyRuling guarded(PolicyRuling ruling, CreditFacts facts) {
        return ruling.outcome() == PolicyOutcome.APPROVED && facts.amount().compareTo(facts.creditable()) > 0
                ? LedgerGuard.exceedsCreditable(policy) : ruling;
    }

    private CreditFacts factsOf(CreditRequest request, Optional<ChargeBalance> balance) {
        return factsOf(request, balance, request.overlapsAnotherCredit());
    }

    /**
     * The facts of {@code request} given the balance of the charge of its period, if one covers it: the charge's
     * billing date wins over the one the publisher gave, and the age of the charge is counted in days to today (UTC).
     */
    CreditFacts factsOf(CreditRequest request, Optional<ChargeBalance> balance, boolean overlapsAnotherCredit) {
        Optional<Charge> charge = balance.map(ChargeBalance::charge);
        LocalDate billed = charge.map(c -> c.billingDate).orElse(request.billingDate);
        long age = ChronoUnit.DAYS.between(billed, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return new CreditFacts(request.isConfirmed(), charge.isPresent(),
                charge.map(c -> c.currency.equals(request.currency)).orElse(false), request.amount, request.currency,
                balance.map(ChargeBalance::creditable).orElse(BigDecimal.ZERO),
                charge.map(c -> c.billingDate.equals(request.billingDate)).orElse(false), age,
                overlapsAnotherCredit, request.reasonCode);
    }

    /** Issues the credit note when the publisher's authorization is on record; otherwise the approval waits for it. */
    private void approve(CreditRequest request, com.publisherdesk.contracts.PolicyRuling ruling, AgentReview review,
            Instant now) {
        if (request.isAuthorized()) {
            if (isCreditable(request)) {
                issue(request, ruling, review, now);
            } else {
                deny(request, contract(LedgerGuard.exceedsCreditable(policy)), null, now);
            }
            return;
        }
        request.status = CreditStatus.AWAITING_AUTHORIZATION;
        outbox.publish(Events.CREDIT_AWAITING_AUTHORIZATION, request.requestId.toString(),
                new CreditAwaitingAuthorization(request.requestId.toString(), request.publisherId,
                        request.subscriptionId, ruling, request.amount, request.currency, now, review));
    }

    private void issue(CreditRequest request, com.publisherdesk.contracts.PolicyRuling ruling, AgentReview review,
            Instant now) {
        request.status = CreditStatus.APPROVED;
        CreditNote note = CreditNote.issue(request, now);
        outbox.publish(Events.CREDIT_APPROVED, request.requestId.toString(), new CreditApproved(
                request.requestId.toString(), request.publisherId, request.subscriptionId, ruling, note.number,
                note.amount, note.currency, now, review));
    }

    private void deny(CreditRequest request, com.publisherdesk.contracts.PolicyRuling ruling, AgentReview review,
            Instant now) {
        request.status = CreditStatus.DENIED;
        outbox.publish(Events.CREDIT_DENIED, request.requestId.toString(), new CreditDenied(
                request.requestId.toString(), request.publisherId, request.subscriptionId, ruling, now, review));
    }

    private void sendToReview(CreditRequest request, PolicyRuling ruling, Instant now) {
        request.sendToReview(now);
        outbox.publish(Events.CREDIT_REVIEW_REQUIRED, request.requestId.toString(), new CreditReviewRequired(
                request.requestId.toString(), request.publisherId, request.subscriptionId, contract(ruling), now));
    }

    private static void record(CreditRequest request, PolicyRuling ruling, CreditFacts facts, Instant now) {
        CreditDecision decision = new CreditDecision();
        decision.requestId = request.requestId;
        decision.outcome = ruling.outcome().wire();
        decision.ruleId = ruling.ruleId();
        decision.explanation = ruling.explanation();
        decision.explanations = CreditDecision.json(ruling.explanations());
        decision.policyVersion = ruling.version();
        decision.decidedAt = now;
        decision.facts = CreditDecision.json(facts);
        decision.persist();
    }

    private static com.publisherdesk.contracts.PolicyRuling contract(PolicyRuling ruling) {
        return new com.publisherdesk.contracts.PolicyRuling(ruling.ruleId(), ruling.explanation(), ruling.version(),
                ruling.explanations());
    }

    private static void fill(CreditRequest request, RequestSubmitted event, CreditRequestDetails credit) {
        request.publisherId = event.publisherId();
        request.subscriptionId = credit.subscriptionId();
        request.customerName = credit.customerName();
        request.amount = credit.amount();
        request.currency = credit.currency();
        request.periodFrom = credit.creditPeriod().from();
        request.periodTo = credit.creditPeriod().to();
        request.billingDate = credit.billingDate();
        request.reasonCode = credit.reasonCode();
        request.reasonDescription = credit.description();
        request.submittedAt = event.submittedAt();
        request.submittedBy = event.submittedBy();
        request.administrators = administrators(event.recipients());
    }

    private static String administrators(Recipients recipients) {
        if (recipients == null) {
            return null;
        }
        Stream<String> cc = recipients.cc() == null ? Stream.empty() : recipients.cc().stream();
        return Stream.concat(Stream.ofNullable(recipients.to()), cc).map(email -> email.toLowerCase(Locale.ROOT))
                .distinct().collect(Collectors.joining(","));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
