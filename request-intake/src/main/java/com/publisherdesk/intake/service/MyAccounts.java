package com.publisherdesk.intake.service;

import java.util.List;

import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.PublisherAdmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The publisher accounts a person administers, for the portal's home page. */
@ApplicationScoped
public class MyAccounts {

    /**
     * One account a person administers.
     *
     * @param publisherId the account
     * @param companyName its company name
     * @param language    its preferred language
     */
    public record Account(String publisherId, String companyName, String language) {
    }

    /** The accounts {@code email} administers, by id. */
    @Transactional
    public List<Account> of(String email) {
        return PublisherAdmin.<PublisherAdmin>list("lower(email) = lower(?1) order by publisherId", email).stream()
                .flatMap(admin -> Publisher.byId(admin.publisherId).stream())
                .map(publisher -> new Account(publisher.id, publisher.companyName, publisher.language)).toList();
    }
}
