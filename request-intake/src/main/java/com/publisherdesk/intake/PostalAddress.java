package com.publisherdesk.intake;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A publisher's postal address.
 *
 * @param line1      street and number
 * @param line2      more of it, if any
 * @param city       the city
 * @param region     the state or region, if any
 * @param postalCode the postal code, if the country has them
 * @param country    ISO 3166-1 alpha-2 code
 */
@Embeddable
public record PostalAddress(
        @Column(name = "address_line1") String line1,
        @Column(name = "address_line2") String line2,
        @Column(name = "address_city") String city,
        @Column(name = "address_region") String region,
        @Column(name = "address_postal_code") String postalCode,
        @Column(name = "address_country") String country) {

    /** The address on one line, as the audit trail and the emails show it. */
    public String oneLine() {
        return Stream.of(line1, line2, city, region, postalCode, country).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }
}
