package com.publisherdesk.validation.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.validation.BillingRecord;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Loads the demo customers, subscriptions and billing addresses through the operators' import when enabled. */
@ApplicationScoped
public class DemoBillingRecords {

    private static final Logger LOG = Logger.getLogger(DemoBillingRecords.class);

    private final boolean enabled;
    private final ObjectMapper json;
    private final BillingRecords records;

    public DemoBillingRecords(@ConfigProperty(name = "desk.demo-data.enabled") boolean enabled, ObjectMapper json,
            BillingRecords records) {
        this.enabled = enabled;
        this.json = json;
        this.records = records;
    }

    void load(@Observes StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/demo/billing-records.json")) {
            List<BillingRecord> demo = json.readValue(in, new TypeReference<>() {
            });
            LOG.infof("Demo billing records loaded: %s", records.importAll(demo, "demo data set"));
        }
    }
}
