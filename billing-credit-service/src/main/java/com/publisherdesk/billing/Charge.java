package com.publisherdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** What a subscription was charged for one billing period. */
@Entity
@Table(name = "charge")
public class Charge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(name = "billing_date", nullable = false)
    public LocalDate billingDate;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    /** The charge of the billing period that covers the whole of {@code from}..{@code to}, if any. */
    public static Optional<Charge> covering(String subscriptionId, LocalDate from, LocalDate to) {
        return find("subscriptionId = ?1 and periodFrom <= ?2 and periodTo >= ?3 order by periodFrom",
                subscriptionId, from, to).firstResultOptional();
    }

    /**
     * The charge that covers the whole of {@code from}..{@code to}, locked until the transaction ends: every decision
     * that may issue a credit note against it takes this lock first, so such decisions run one at a time per charge
     * whatever partition or instance they run on.
     */
    public static Optional<Charge> lockCovering(String subscriptionId, LocalDate from, LocalDate to) {
        return find("subscriptionId = ?1 and periodFrom <= ?2 and periodTo >= ?3 order by periodFrom",
                subscriptionId, from, to).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The charges of a subscription whose billing period overlaps {@code from}..{@code to}, oldest first. */
    public static java.util.List<Charge> overlapping(String subscriptionId, LocalDate from, LocalDate to) {
        return list("subscriptionId = ?1 and periodFrom <= ?2 and periodTo >= ?3 order by periodFrom",
                subscriptionId, to, from);
    }

    public static Optional<Charge> forPeriod(String subscriptionId, LocalDate from, LocalDate to) {
        return find("subscriptionId = ?1 and periodFrom = ?2 and periodTo = ?3", subscriptionId, from, to)
                .firstResultOptional();
    }
}
