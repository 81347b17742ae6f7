package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.util.List;

import com.publisherdesk.billing.Charge;
import com.publisherdesk.billing.api.ChargeBody;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the billing ledger: charges upserted from the billing system, all or nothing. */
@ApplicationScoped
@Transactional
public class Ledger {

    /** Upserts charges by subscription and period; importing the same charges twice changes nothing. */
    public ImportResult importCharges(List<ChargeBody> charges) {
        int created = 0;
        int updated = 0;
        for (ChargeBody body : charges) {
            Charge charge = Charge.forPeriod(body.subscriptionId(), body.periodFrom(), body.periodTo()).orElse(null);
            BigDecimal amount = new BigDecimal(body.amount());
            if (charge == null) {
                charge = new Charge();
                charge.subscriptionId = body.subscriptionId();
                charge.periodFrom = body.periodFrom();
                charge.periodTo = body.periodTo();
                apply(charge, body, amount);
                charge.persist();
                created++;
            } else if (charge.amount.compareTo(amount) != 0 || !charge.currency.equals(body.currency())
                    || !charge.billingDate.equals(body.billingDate())) {
                apply(charge, body, amount);
                updated++;
            }
        }
        return new ImportResult(charges.size(), created, updated, charges.size() - created - updated);
    }

    private static void apply(Charge charge, ChargeBody body, BigDecimal amount) {
        charge.billingDate = body.billingDate();
        charge.amount = amount;
        charge.currency = body.currency();
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
