package com.publisherdesk.billing;

import java.time.Instant;
import java.util.UUID;

import com.publisherdesk.contracts.AgentReview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A support agent's decision on a credit request the policy sent to review; at most one per request. */
@Entity
@Table(name = "credit_review")
public class CreditReview extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String reviewer;

    /** {@link AgentReview#APPROVED} or {@link AgentReview#DENIED}. */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String note;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    /** Records an agent's decision on {@code requestId}. */
    public static CreditReview record(UUID requestId, String reviewer, String outcome, String note, Instant at) {
        CreditReview review = new CreditReview();
        review.requestId = requestId;
        review.reviewer = reviewer;
        review.outcome = outcome;
        review.note = note;
        review.reviewedAt = at;
        review.persist();
        return review;
    }

    /** The agent's decision on {@code requestId}, as events carry it; null when no agent decided it. */
    public static AgentReview of(UUID requestId) {
        CreditReview review = findById(requestId);
        return review == null ? null : review.contract();
    }

    /** The decision as events carry it. */
    public AgentReview contract() {
        return new AgentReview(reviewer, outcome, note, reviewedAt);
    }
}
