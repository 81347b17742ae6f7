package com.publisherdesk.validation.service;

import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.publisherdesk.kit.demo.DemoData;
import com.publisherdesk.validation.BillingRecord;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Loads the demo customers, subscriptions and billing addresses through the operators' import when enabled. */
@ApplicationScoped
public class DemoBillingRecords {

    private static final Logger LOG = Logger.getLogger(DemoBillingRecords.class);

    private final DemoData demo;
    private final BillingRecords records;

    public DemoBillingRecords(DemoData demo, BillingRecords records) {
        this.demo = demo;
        this.records = records;
    }

    void load(@Observes StartupEvent event) {
        demo.read("billing-records.json", new TypeReference<List<BillingRecord>>() {
        }).ifPresent(loaded -> LOG.infof("Demo billing records loaded: %s",
                records.importAll(loaded, "demo data set")));
    }
}
