package com.publisherdesk.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A credit request as billing knows it: its details and its subscription verdict, which arrive in either order. */
@Entity
@Table(name = "credit_request")
public class CreditRequest extends PanacheEntityBase {

    /** Whether another request of the subscription, approved or still being decided, overlaps a period. */
    private static final String OVERLAPS_ANOTHER_CREDIT = "select exists (select 1 from credit_request "
            + "where subscription_id = ? and request_id <> ? and status in ('" + CreditStatus.APPROVED.name() + "', '"
            + CreditStatus.IN_REVIEW.name() + "', '" + CreditStatus.AWAITING_AUTHORIZATION.name() + "') "
            + "and period_from <= ? and period_to >= ?)";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "publisher_id")
    public String publisherId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "customer_name")
    public String customerName;

    public BigDecimal amount;

    public String currency;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "billing_date")
    public LocalDate billingDate;

    @Column(name = "reason_code")
    public String reasonCode;

    /** The publisher's own words about the reason. */
    @Column(name = "reason_description")
    public String reasonDescription;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The administrator who filed it (an email address); a support agent never decides a request they filed. */
    @Column(name = "submitted_by")
    public String submittedBy;

    /** When the policy sent it to manual review, if it did. */
    @Column(name = "in_review_since")
    public Instant inReviewSince;

    /** {@code confirmed} or {@code not-confirmed}, once validation has spoken. */
    public String verdict;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CreditStatus status;

    /** How the publisher authorized issuing the credit on its behalf (standing-consent or request), if it did. */
    @Column(name = "authorization_kind")
    public String authorizationKind;

    @Column(name = "authorized_by")
    public String authorizedBy;

    @Column(name = "authorized_at")
    public Instant authorizedAt;

    /** Who administered the publisher when it was filed (contact and administrators), comma-separated, lower case. */
    public String administrators;

    @Version
    public int version;

    /**
     * The request with this id, locked until the transaction ends (every event about it may lead to its decision, and
     * a decision locks the request before its charge); created empty if neither its details nor its verdict arrived
     * before. Locked as it is read, it is the current row, and deciding needs no further write or lock before the
     * charge's.
     */
    public static CreditRequest findOrStart(UUID requestId) {
        CreditRequest request = findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            request = new CreditRequest();
            request.requestId = requestId;
            request.status = CreditStatus.PENDING;
            request.persist();
        }
        return request;
    }

    /** The request with this id, locked until the transaction ends, if billing knows it. */
    public static java.util.Optional<CreditRequest> lockById(UUID requestId) {
        return findByIdOptional(requestId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Hands the request to a support agent. */
    public void sendToReview(Instant at) {
        status = CreditStatus.IN_REVIEW;
        inReviewSince = at;
    }

    public boolean isInReview() {
        return status == CreditStatus.IN_REVIEW;
    }

    /** Whether {@code email} filed this request (case aside). */
    public boolean wasFiledBy(String email) {
        return submittedBy != null && submittedBy.equalsIgnoreCase(email);
    }

    /** Whether {@code email} administered the publisher when the request was filed (case aside). */
    public boolean wasAdministeredBy(String email) {
        return administrators != null && email != null && java.util.Arrays.asList(administrators.split(","))
                .contains(email.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * What the approvals waiting for the publisher's authorization hold of a charge's period, this request's aside:
     * each of them will issue its credit note once authorized.
     */
    public static BigDecimal heldWithin(String subscriptionId, LocalDate from, LocalDate to, UUID except) {
        return list("subscriptionId = ?1 and status = ?2 and periodFrom >= ?3 and periodTo <= ?4 and requestId <> ?5",
                subscriptionId, CreditStatus.AWAITING_AUTHORIZATION, from, to, except).stream()
                .map(held -> ((CreditRequest) held).amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether both halves are here and nothing was decided yet. */
    public boolean isReadyToDecide() {
        return status == CreditStatus.PENDING && verdict != null && subscriptionId != null && amount != null;
    }

    /** Whether the publisher's authorization to issue the credit on its behalf is on record. */
    public boolean isAuthorized() {
        return authorizedBy != null;
    }

    /** Records the publisher's authorization, unless one is on record already. */
    public void noteAuthorization(com.publisherdesk.contracts.CreditAuthorization authorization) {
        if (authorization != null && authorizedBy == null) {
            authorizationKind = authorization.kind();
            authorizedBy = authorization.givenBy();
            authorizedAt = authorization.givenAt();
        }
    }

    public boolean isConfirmed() {
        return "confirmed".equals(verdict);
    }

    /**
     * Whether another approved or in-review request of the same subscription overlaps this one's period. A plain
     * statement: Hibernate translated the query (a list parameter) anew on every call, and even as a native query it
     * cost several times the statement. Other requests' changes are written before it: a consumer writes each
     * record's changes before the next, and a request handled over the API is the only one its transaction changes.
     */
    public boolean overlapsAnotherCredit() {
        return PlainStatements.exists(getEntityManager(), OVERLAPS_ANOTHER_CREDIT, subscriptionId, requestId, periodTo,
                periodFrom);
    }
}
