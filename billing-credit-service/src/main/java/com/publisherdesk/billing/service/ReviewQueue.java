package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.publisherdesk.billing.Charge;
import com.publisherdesk.billing.ChargeBalance;
import com.publisherdesk.billing.CreditDecision;
import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.CreditReview;
import com.publisherdesk.billing.CreditStatus;
import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.kit.access.Caller;
import com.publisherdesk.kit.access.PublisherDirectory;
import com.publisherdesk.kit.input.PageCursor;
import com.publisherdesk.kit.input.Paged;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The manual review queue: credit requests the policy sent to a support agent, their evidence, and the agent's
 * decision, which is recorded with its state change and its event in one transaction.
 */
@ApplicationScoped
@Transactional
public class ReviewQueue {

    private final CreditDecisions decisions;
    private final PublisherDirectory directory;
    private final Clock clock;

    public ReviewQueue(CreditDecisions decisions, PublisherDirectory directory, Clock clock) {
        this.decisions = decisions;
        this.directory = directory;
        this.clock = clock;
    }

    /** One page of the requests waiting in review, oldest first; {@code cursor} is the previous page's next. */
    public Paged<Waiting> page(int limit, String cursor) {
        List<CreditRequest> rows;
        if (cursor == null) {
            rows = CreditRequest.<CreditRequest>find("status = ?1 order by inReviewSince, requestId",
                    CreditStatus.IN_REVIEW).page(0, limit + 1).list();
        } else {
            PageCursor after = PageCursor.decode(cursor);
            rows = CreditRequest.<CreditRequest>find("status = ?1 and (inReviewSince > ?2 or (inReviewSince = ?2 "
                    + "and requestId > ?3)) order by inReviewSince, requestId", CreditStatus.IN_REVIEW,
                    after.at(), after.uuidKey()).page(0, limit + 1).list();
        }
        Paged<CreditRequest> page = Paged.of(rows, limit, last -> PageCursor.of(last.inReviewSince, last.requestId));
        if (page.items().isEmpty()) {
            return page.map(request -> new Waiting(request, null));
        }
        Map<UUID, CreditDecision> rulings = CreditDecision.<CreditDecision>list("requestId in ?1",
                page.items().stream().map(r -> r.requestId).toList()).stream()
                .collect(Collectors.toMap(d -> d.requestId, Function.identity()));
        return page.map(r -> new Waiting(r, rulings.containsKey(r.requestId) ? rulings.get(r.requestId).ruleId : null));
    }

    /**
     * A request in review with its evidence (the credit notes are those issued over the periods of its charges); 404
     * when billing does not know it or it is not in review.
     */
    public Evidence evidence(UUID requestId) {
        CreditRequest request = CreditRequest.<CreditRequest>findByIdOptional(requestId)
                .filter(CreditRequest::isInReview).orElseThrow(ReviewQueue::notInQueue);
        List<Charge> charges = Charge.overlapping(request.subscriptionId, request.periodFrom, request.periodTo);
        var from = charges.stream().map(c -> c.periodFrom).min(Comparator.naturalOrder()).orElse(request.periodFrom);
        var to = charges.stream().map(c -> c.periodTo).max(Comparator.naturalOrder()).orElse(request.periodTo);
        return new Evidence(request, CreditDecision.findById(requestId), charges,
                CreditNote.overlapping(request.subscriptionId, from, to), decisions.balanceOf(request));
    }

    /**
     * Records {@code agent}'s decision on a request in review and takes it down the approved or the denial path.
     * Refused with 403 when the agent filed the request or administers (or administered, when it was filed) the
     * publisher's account, 409 when an agent already decided it or when an approval would credit more than is left
     * to credit on the period's charge, 404 when it was never in review.
     *
     * @param approve whether the agent approves the credit
     * @param note    the agent's reasons
     */
    public Decided decide(UUID requestId, Caller agent, boolean approve, String note) {
        CreditRequest request = CreditRequest.lockById(requestId).orElseThrow(ReviewQueue::notInQueue);
        CreditReview earlier = CreditReview.findById(requestId);
        if (earlier == null && !request.isInReview()) {
            throw notInQueue();
        }
        requireFourEyes(request, agent);
        if (earlier != null) {
            throw new ProblemException(409, "already-decided", "Already decided", "This request was already "
                    + earlier.outcome + " by a support agent at " + earlier.reviewedAt + ".");
        }
        if (approve && !decisions.isCreditable(request)) {
            throw exceedsCreditable(request);
        }
        CreditReview review = CreditReview.record(requestId, agent.email(),
                approve ? AgentReview.APPROVED : AgentReview.DENIED, note,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        decisions.decideAfterReview(request, review);
        return new Decided(request, review, CreditNote.ofRequest(requestId));
    }

    /** Nobody decides a request of an account they act for: its filer, nor its administrators then or now. */
    private void requireFourEyes(CreditRequest request, Caller agent) {
        if (request.wasFiledBy(agent.email())) {
            throw fourEyes("You filed this request yourself; another support agent must decide it.");
        }
        if (request.wasAdministeredBy(agent.email()) || directory.isAdministrator(request.publisherId, agent)) {
            throw fourEyes("You administer (or administered when it was filed) the account of the publisher that "
                    + "filed this request; a support agent who does not act for it must decide it.");
        }
    }

    private static ProblemException fourEyes(String detail) {
        return new ProblemException(403, "four-eyes", "Another agent must decide this request", detail);
    }

    private ProblemException exceedsCreditable(CreditRequest request) {
        String left = decisions.balanceOf(request).map(balance -> balance.creditable().max(BigDecimal.ZERO)
                .toPlainString() + " " + request.currency).orElse("nothing");
        return new ProblemException(409, "exceeds-creditable", "More than is left to credit",
                "Approving " + request.amount.toPlainString() + " " + request.currency + " would credit more than "
                        + "was billed for the period: " + left + " is left to credit, credit notes and approvals "
                        + "waiting for authorization deducted. Deny it, or ask the publisher to file a smaller "
                        + "amount.");
    }

    private static ProblemException notInQueue() {
        return ProblemException.notFound("A credit request in review with this id");
    }

    /**
     * A request waiting in the queue.
     *
     * @param request the request
     * @param ruleId  the rule that sent it to review
     */
    public record Waiting(CreditRequest request, String ruleId) {
    }

    /**
     * A request in review and what an agent needs to decide it.
     *
     * @param request     the request
     * @param decision    the policy's decision that sent it to review
     * @param charges     the ledger's charges of the subscription over the credit period
     * @param creditNotes the credit notes issued for the subscription over those charges' periods
     * @param balance     what is left to credit on the charge of the period, when a charge covers it
     */
    public record Evidence(CreditRequest request, CreditDecision decision, List<Charge> charges,
            List<CreditNote> creditNotes, Optional<ChargeBalance> balance) {
    }

    /**
     * An agent's decision as recorded.
     *
     * @param request    the request, where it stands after the decision
     * @param review     the agent's review
     * @param creditNote the credit note issued, if one was
     */
    public record Decided(CreditRequest request, CreditReview review, Optional<CreditNote> creditNote) {
    }
}
