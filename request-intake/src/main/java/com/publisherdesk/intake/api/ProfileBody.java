package com.publisherdesk.intake.api;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.publisherdesk.intake.PostalAddress;
import com.publisherdesk.intake.Profile;
import com.publisherdesk.kit.input.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A publisher's profile as an administrator sends it: the whole of it (a field left out is emptied). The answer of
 * {@code GET .../profile} may be sent back as it is, changed where needed.
 *
 * @param companyName   the company's name
 * @param contactName   the person to address, if any
 * @param contactEmail  where the desk writes
 * @param phone         an international phone number, if any: {@code +}, the country code and the number
 * @param postalAddress the postal address, if any
 * @param language      the language of the desk's emails: {@code en} or {@code fr}
 * @param creditConsent the standing consent to issue credits to customers on the publisher's behalf
 */
public record ProfileBody(
        @NotBlank @Size(max = 200) @SingleLine String companyName,
        @Size(max = 200) @SingleLine String contactName,
        @NotBlank @Size(max = 320) @EmailAddress String contactEmail,
        @Pattern(regexp = "\\+[1-9][0-9 ().-]{5,30}", message = "must be an international number: + then the "
                + "country code and the number, e.g. +33 1 23 45 67 89") @Size(max = 40) String phone,
        @Valid Address postalAddress,
        @NotNull @Size(max = 2) @Pattern(regexp = "en|fr", message = "must be en or fr")
        @Schema(enumeration = { "en", "fr" }) String language,
        @NotNull @Valid Consent creditConsent) {

    /** The profile these fields make: text trimmed, empty text absent, the contact email in lower case. */
    public Profile toProfile() {
        return new Profile(text(companyName), text(contactName), contactEmail.trim().toLowerCase(Locale.ROOT),
                text(phone), postalAddress == null ? null : postalAddress.toPostalAddress(), language,
                creditConsent.given());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A postal address.
     *
     * @param line1      street and number
     * @param line2      more of it, if any
     * @param city       the city
     * @param region     the state or region, if any
     * @param postalCode the postal code, if the country has them
     * @param country    ISO 3166-1 alpha-2 code, e.g. {@code FR}
     */
    public record Address(
            @NotBlank @Size(max = 200) @SingleLine String line1,
            @Size(max = 200) @SingleLine String line2,
            @NotBlank @Size(max = 100) @SingleLine String city,
            @Size(max = 100) @SingleLine String region,
            @Size(max = 20) @SingleLine String postalCode,
            @NotNull @Size(max = 2) @Iso3166 String country) {

        static Address of(PostalAddress address) {
            return address == null ? null : new Address(address.line1(), address.line2(), address.city(),
                    address.region(), address.postalCode(), address.country());
        }

        PostalAddress toPostalAddress() {
            return new PostalAddress(text(line1), text(line2), text(city), text(region), text(postalCode), country);
        }
    }

    /**
     * The standing consent to issue credits on the publisher's behalf. Who gave it and when are recorded by the desk
     * (the caller and the time of the change); sent back from a {@code GET}, they are ignored.
     *
     * @param given whether the consent is given
     */
    @JsonIgnoreProperties({ "givenBy", "givenAt" })
    public record Consent(@NotNull Boolean given) {
    }
}
