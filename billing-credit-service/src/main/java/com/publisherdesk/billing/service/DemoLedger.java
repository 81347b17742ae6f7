package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.publisherdesk.billing.service.Ledger.Billed;
import com.publisherdesk.kit.demo.DemoData;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Loads the demo charges, every month of the last twelve, through the operators' import when enabled. */
@ApplicationScoped
public class DemoLedger {

    private static final Logger LOG = Logger.getLogger(DemoLedger.class);
    private static final int MONTHS = 12;

    private final DemoData demo;
    private final Ledger ledger;

    public DemoLedger(DemoData demo, Ledger ledger) {
        this.demo = demo;
        this.ledger = ledger;
    }

    void load(@Observes StartupEvent event) {
        demo.read("charges.json", new TypeReference<List<MonthlyCharge>>() {
        }).ifPresent(subscriptions -> LOG.infof("Demo charges loaded: %s",
                ledger.importCharges(lastMonths(subscriptions))));
    }

    private static List<Billed> lastMonths(List<MonthlyCharge> subscriptions) {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        List<Billed> charges = new ArrayList<>();
        for (MonthlyCharge subscription : subscriptions) {
            for (int back = 1; back <= MONTHS; back++) {
                LocalDate from = thisMonth.minusMonths(back);
                charges.add(new Billed(subscription.subscriptionId(), from, from.plusMonths(1).minusDays(1),
                        from.plusMonths(1), subscription.monthlyAmount(), subscription.currency()));
            }
        }
        return charges;
    }

    record MonthlyCharge(String subscriptionId, BigDecimal monthlyAmount, String currency) {
    }
}
