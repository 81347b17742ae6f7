package com.publisherdesk.intake.service;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.PublisherAdmin;
import com.publisherdesk.kit.demo.DemoData;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Loads the demo publishers when the demo data set is enabled; loading twice changes nothing. */
@ApplicationScoped
public class DemoPublishers {

    private static final Logger LOG = Logger.getLogger(DemoPublishers.class);

    private final DemoData demo;

    public DemoPublishers(DemoData demo) {
        this.demo = demo;
    }

    @Transactional
    void load(@Observes StartupEvent event) {
        demo.read("publishers.json", new TypeReference<List<DemoPublisher>>() {
        }).ifPresent(publishers -> {
            publishers.forEach(DemoPublishers::upsert);
            LOG.infof("Demo publishers loaded: %d", publishers.size());
        });
    }

    private static void upsert(DemoPublisher demo) {
        Publisher publisher = Publisher.<Publisher>findByIdOptional(demo.id()).orElseGet(Publisher::new);
        boolean isNew = publisher.id == null;
        publisher.id = demo.id();
        publisher.companyName = demo.companyName();
        publisher.contactName = demo.contactName();
        publisher.contactEmail = demo.contactEmail();
        publisher.language = demo.language();
        if (demo.creditConsentGivenBy() != null && publisher.creditConsentGivenBy == null) {
            publisher.creditConsentGivenBy = demo.creditConsentGivenBy();
            publisher.creditConsentGivenAt = Instant.now();
        }
        if (isNew) {
            publisher.persist();
        }
        for (String email : demo.admins()) {
            if (PublisherAdmin.findByIdOptional(new PublisherAdmin.Key(demo.id(), email)).isEmpty()) {
                PublisherAdmin admin = new PublisherAdmin();
                admin.publisherId = demo.id();
                admin.email = email;
                admin.addedAt = Instant.now();
                admin.persist();
            }
        }
    }

    record DemoPublisher(String id, String companyName, String contactName, String contactEmail, String language,
            List<String> admins, String creditConsentGivenBy) {
    }
}
