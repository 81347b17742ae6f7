package com.publisherdesk.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.Recipients;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    public String phone;

    @Embedded
    public PostalAddress postalAddress;

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

    /** The publisher, locked until the end of the transaction so that changes to its account happen one at a time. */
    public static Optional<Publisher> lockedById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The account's profile as it stands. */
    public Profile profile() {
        return new Profile(companyName, contactName, contactEmail, phone, postalAddress, language,
                creditConsentGivenBy != null);
    }

    /**
     * Makes {@code next} the account's profile and returns what changed. Giving the standing consent records who gave
     * it and when; withdrawing it clears both.
     */
    public List<FieldChange> apply(Profile next, String by, Instant at) {
        List<FieldChange> changes = profile().changesTo(next);
        companyName = next.companyName();
        contactName = next.contactName();
        contactEmail = next.contactEmail();
        phone = next.phone();
        postalAddress = next.postalAddress();
        language = next.language();
        if (!next.creditConsent()) {
            creditConsentGivenBy = null;
            creditConsentGivenAt = null;
        } else if (creditConsentGivenBy == null) {
            creditConsentGivenBy = by;
            creditConsentGivenAt = at;
        }
        return changes;
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

    /** The usual recipients, and besides them {@code alsoTell} (an administrator just removed, say). */
    public Recipients recipients(Collection<String> alsoTell) {
        Recipients usual = recipients();
        List<String> cc = new ArrayList<>(usual.cc());
        alsoTell.stream().filter(email -> !email.equalsIgnoreCase(usual.to()))
                .filter(email -> cc.stream().noneMatch(email::equalsIgnoreCase)).forEach(cc::add);
        return new Recipients(usual.publisherName(), usual.to(), cc, usual.language());
    }
}
