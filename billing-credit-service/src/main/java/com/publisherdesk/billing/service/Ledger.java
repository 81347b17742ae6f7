package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.publisherdesk.billing.Charge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the billing ledger: charges upserted from the billing system, all or nothing. */
@ApplicationScoped
@Transactional
public class Ledger {

    /** Upserts charges by subscription and period; importing the same charges twice changes nothing. */
    public ImportResult importCharges(List<Billed> charges) {
        int created = 0;
        int updated = 0;
        for (Billed billed : charges) {
            Charge charge = Charge.forPeriod(billed.subscriptionId(), billed.periodFrom(), billed.periodTo())
                    .orElse(null);
            if (charge == null) {
                charge = new Charge();
                charge.subscriptionId = billed.subscriptionId();
                charge.periodFrom = billed.periodFrom();
                charge.periodTo = billed.periodTo();
                apply(charge, billed);
                charge.persist();
                created++;
            } else if (charge.amount.compareTo(billed.amount()) != 0 || !charge.currency.equals(billed.currency())
                    || !charge.billingDate.equals(billed.billingDate())) {
                apply(charge, billed);
                updated++;
            }
        }
        return new ImportResult(charges.size(), created, updated, charges.size() - created - updated);
    }

    private static void apply(Charge charge, Billed billed) {
        charge.billingDate = billed.billingDate();
        charge.amount = billed.amount();
        charge.currency = billed.currency();
    }

    /**
     * What a subscription was charged for one billing period, as the billing system says.
     *
     * @param subscriptionId the subscription
     * @param periodFrom     the first day of the period
     * @param periodTo       the last day of the period
     * @param billingDate    when the period was billed
     * @param amount         the amount billed
     * @param currency       ISO 4217 code
     */
    public record Billed(String subscriptionId, LocalDate periodFrom, LocalDate periodTo, LocalDate billingDate,
            BigDecimal amount, String currency) {
    }

    /**
     * What an import did.
     *
     * @param received  charges received
     * @param created   charges added to the ledger
     * @param updated   charges corrected
     * @param unchanged charges already as received
     */
    public record ImportResult(int received, int created, int updated, int unchanged) {
    }
}
