package com.publisherdesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hibernate.query.NativeQuery;

import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.kit.persistence.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A request a publisher filed, of any type, with where it stands and its acknowledgement clock. */
@Entity
@Table(name = "request")
public class DeskRequest extends PanacheEntityBase {

    /**
     * This publisher's earliest credit request for the subscription and a period overlapping the one given, among
     * those still open or approved: those a new one must not overlap.
     */
    private static final String OVERLAPPING_CREDIT = "select * from request where publisher_id = ?1 "
            + "and subscription_id = ?2 and type = ?3 and period_from <= ?4 and period_to >= ?5 and status in ("
            + Stream.of(RequestStatus.SUBMITTED, RequestStatus.VALIDATED, RequestStatus.IN_REVIEW,
                    RequestStatus.AWAITING_AUTHORIZATION, RequestStatus.APPROVED)
                    .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "))
            + ") order by submitted_at limit 1";

    @Id
    public UUID id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** The customer's subscription the request is about, if any. */
    @Column(name = "subscription_id")
    public String subscriptionId;

    /** For credit requests: the first day of the credit period. */
    @Column(name = "period_from")
    public LocalDate periodFrom;

    /** For credit requests: the last day of the credit period. */
    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "acknowledgement_due_by", nullable = false)
    public Instant acknowledgementDueBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** The request's fields as the publisher sent them, as JSON. */
    @Column(nullable = false)
    public String details;

    /** For a credit: how the publisher authorized issuing it on its behalf (standing-consent or request), if it did. */
    @Column(name = "credit_authorization_kind")
    public String creditAuthorizationKind;

    @Column(name = "credit_authorized_by")
    public String creditAuthorizedBy;

    @Column(name = "credit_authorized_at")
    public Instant creditAuthorizedAt;

    @Version
    public int version;

    /** A request of this publisher; another publisher's request reads as absent. */
    public static Optional<DeskRequest> ofPublisher(String publisherId, UUID id) {
        return find("id = ?1 and publisherId = ?2", id, publisherId).firstResultOptional();
    }

    /**
     * Holds, until the transaction ends, a lock on credit requests for one subscription of one publisher, so that two
     * filed at the same instant are checked for overlap one after the other.
     */
    public static void lockCreditsFor(String publisherId, String subscriptionId) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0)))"
                + " as locked").setParameter("key", "credit:" + publisherId + ":" + subscriptionId).getSingleResult();
    }

    /**
     * A credit request of this publisher for the same subscription and an overlapping period that is still open or
     * was approved, if any. Asked for every credit request filed: a statement Hibernate does not translate each time
     * (a query with a list parameter is).
     */
    public static Optional<DeskRequest> overlappingCredit(String publisherId, String subscriptionId, LocalDate from,
            LocalDate to) {
        List<?> found = getEntityManager().createNativeQuery(OVERLAPPING_CREDIT, DeskRequest.class)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(DeskRequest.class)
                .setParameter(1, publisherId).setParameter(2, subscriptionId).setParameter(3, RequestTypes.CREDIT)
                .setParameter(4, to).setParameter(5, from).getResultList();
        return found.stream().map(DeskRequest.class::cast).findFirst();
    }

    /** Moves the request forward; a late event about an earlier stage leaves it where it is. */
    public void advanceTo(RequestStatus next) {
        if (status.isBefore(next)) {
            status = next;
        }
    }

    /**
     * Moves a request forward as {@link #advanceTo} does, without loading it: one plain statement, which moves it only
     * from a status {@link RequestStatus#isBefore} the next. The update takes the row's lock and, if another
     * transaction changed the row meanwhile, checks its status again once that one ends. For a request the
     * transaction does not hold as an entity (which would not see the change).
     */
    public static void advance(UUID id, RequestStatus next) {
        String[] earlier = Stream.of(RequestStatus.values()).filter(status -> status.isBefore(next))
                .map(RequestStatus::name).toArray(String[]::new);
        PlainStatements.update(getEntityManager(), "update request set status = ?, version = version + 1 "
                + "where id = ? and status = any(?)", next, id, earlier);
    }

    /** Notes the acknowledgement email once, without loading the request, as {@link #advance} moves it. */
    public static void noteAcknowledged(UUID id, Instant at) {
        PlainStatements.update(getEntityManager(), "update request set acknowledged_at = ?, version = version + 1 "
                + "where id = ? and acknowledged_at is null", at, id);
    }
}
