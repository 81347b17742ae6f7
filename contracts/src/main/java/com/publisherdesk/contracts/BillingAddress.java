package com.publisherdesk.contracts;

/**
 * A billing address as a publisher gives it.
 *
 * @param line1      street and number
 * @param line2      more of it, if any
 * @param city       the city
 * @param region     the state or region, if any
 * @param postalCode the postal code
 * @param country    the country, by ISO code or name
 */
public record BillingAddress(String line1, String line2, String city, String region, String postalCode,
        String country) {
}
