package com.publisherdesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/** Publisher accounts of their own for tests that change an account, so that the demo publishers stay as they are. */
final class Accounts {

    private Accounts() {
    }

    /** A new account in {@code language} whose first administrator is {@code admin()}, with more if given. */
    static Account create(String language, String... coAdministrators) {
        String id = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = new Account(id, "admin@" + id + ".example", "billing@" + id + ".example");
        QuarkusTransaction.requiringNew().run(() -> {
            Publisher publisher = new Publisher();
            publisher.id = id;
            publisher.companyName = "Company " + id;
            publisher.contactName = "Casey Contact";
            publisher.contactEmail = account.contact();
            publisher.language = language;
            publisher.persist();
            PublisherAdmin.add(id, account.admin(), Instant.now());
            List.of(coAdministrators).forEach(email -> PublisherAdmin.add(id, email, Instant.now()));
        });
        return account;
    }

    /**
     * A test's own publisher account.
     *
     * @param id      the publisher id
     * @param admin   its first administrator
     * @param contact its contact address
     */
    record Account(String id, String admin, String contact) {

        /** A request by the first administrator. */
        RequestSpecification asAdmin() {
            return Admins.as(admin);
        }

        /** An address of this account's domain, for co-administrators. */
        String email(String localPart) {
            return localPart + "@" + id + ".example";
        }
    }
}
