package com.publisherdesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.Recipients;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A publisher account: who it is, how to reach it, and in which language. */
@Entity
@Table(name = "publisher")
public class Publisher extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String language;

    /** Who gave the standing consent to issue credits to the publisher's customers on its behalf, if anyone. */
    @Column(name = "credit_consent_given_by")
    public String creditConsentGivenBy;

    @Column(name = "credit_consent_given_at")
    public Instant creditConsentGivenAt;

    @Version
    public int version;

    public static Optional<Publisher> byId(String id) {
        return findByIdOptional(id);
    }

    /** The publisher's standing consent to have credits issued on its behalf, when it gave one. */
    public Optional<CreditAuthorization> standingConsent() {
        return creditConsentGivenBy == null ? Optional.empty() : Optional.of(new CreditAuthorization(
                CreditAuthorization.STANDING_CONSENT, creditConsentGivenBy, creditConsentGivenAt));
    }

    /** The contact address and the co-administrators, who hear about every request. */
    public Recipients recipients() {
        List<String> cc = PublisherAdmin.emailsOf(id).stream()
                .filter(email -> !email.equalsIgnoreCase(contactEmail)).toList();
        return new Recipients(companyName, contactEmail, cc, language);
    }
}
