package com.publisherdesk.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit note issued to a customer on the publisher's behalf; at most one per request. */
@Entity
@Table(name = "credit_note")
public class CreditNote extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** Issues the credit note of an approved request, numbered from the ledger's sequence. */
    public static CreditNote issue(CreditRequest request, Instant at) {
        long next = ((Number) Panache.getEntityManager().createNativeQuery("select nextval('credit_note_number')")
                .getSingleResult()).longValue();
        CreditNote note = new CreditNote();
        note.number = String.format("CN-%d-%06d", Year.from(at.atOffset(ZoneOffset.UTC)).getValue(), next);
        note.requestId = request.requestId;
        note.subscriptionId = request.subscriptionId;
        note.periodFrom = request.periodFrom;
        note.periodTo = request.periodTo;
        note.amount = request.amount;
        note.currency = request.currency;
        note.issuedAt = at;
        note.persist();
        return note;
    }

    /** What was already credited for a subscription within a billing period. */
    public static BigDecimal creditedWithin(String subscriptionId, LocalDate from, LocalDate to) {
        return list("subscriptionId = ?1 and periodFrom >= ?2 and periodTo <= ?3", subscriptionId, from, to).stream()
                .map(note -> ((CreditNote) note).amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The credit notes of a subscription whose period overlaps {@code from}..{@code to}, oldest first. */
    public static List<CreditNote> overlapping(String subscriptionId, LocalDate from, LocalDate to) {
        return list("subscriptionId = ?1 and periodFrom <= ?2 and periodTo >= ?3 order by issuedAt", subscriptionId,
                to, from);
    }

    /** The credit note issued for a request, if one was. */
    public static java.util.Optional<CreditNote> ofRequest(UUID requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public static List<CreditNote> ofSubscription(String subscriptionId) {
        return list("subscriptionId = ?1 order by issuedAt", subscriptionId);
    }

    public static long countFor(UUID requestId) {
        return count("requestId", requestId);
    }
}
