package com.publisherdesk.intake.api;

import java.time.Instant;

import com.publisherdesk.intake.Publisher;

/**
 * A publisher's profile as its administrators read it; its version travels in the {@code ETag} header.
 *
 * @param companyName   the company's name
 * @param contactName   the person to address, if any
 * @param contactEmail  where the desk writes
 * @param phone         the phone number, if any
 * @param postalAddress the postal address, if any
 * @param language      the language of the desk's emails
 * @param creditConsent the standing consent to issue credits on the publisher's behalf
 */
public record ProfileView(String companyName, String contactName, String contactEmail, String phone,
        ProfileBody.Address postalAddress, String language, Consent creditConsent) {

    public static ProfileView of(Publisher publisher) {
        return new ProfileView(publisher.companyName, publisher.contactName, publisher.contactEmail, publisher.phone,
                ProfileBody.Address.of(publisher.postalAddress), publisher.language, new Consent(
                        publisher.creditConsentGivenBy != null, publisher.creditConsentGivenBy,
                        publisher.creditConsentGivenAt));
    }

    /**
     * The standing consent.
     *
     * @param given   whether it is given
     * @param givenBy who gave it, when given
     * @param givenAt when it was given, when given
     */
    public record Consent(boolean given, String givenBy, Instant givenAt) {
    }
}
