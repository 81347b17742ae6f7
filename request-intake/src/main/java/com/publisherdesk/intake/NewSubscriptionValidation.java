package com.publisherdesk.intake;

/**
 * A subscription validation to file: a subscription and a billing address as the publisher gave them.
 *
 * @param subscriptionId the subscription the person gave
 * @param billingAddress the billing address the person gave
 */
public record NewSubscriptionValidation(String subscriptionId, Address billingAddress) {

    /**
     * A billing address.
     *
     * @param line1      street and number
     * @param line2      more of it, if any
     * @param city       the city
     * @param region     the state or region, if any
     * @param postalCode the postal code
     * @param country    the country, by ISO code or name
     */
    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }
}
