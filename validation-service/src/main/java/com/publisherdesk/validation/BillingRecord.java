package com.publisherdesk.validation;

/**
 * One subscription as the billing system knows it: what an import upserts into the store.
 *
 * @param subscriptionId the subscription
 * @param customerId     its customer
 * @param customerName   the customer's name
 * @param offerId        the offer subscribed to
 * @param publisherId    the offer's publisher
 * @param billingAddress the billing address on record
 */
public record BillingRecord(String subscriptionId, String customerId, String customerName, String offerId,
        String publisherId, Address billingAddress) {

    /**
     * A billing address.
     *
     * @param line1      street and number
     * @param line2      more of it, if any
     * @param city       the city
     * @param region     the state or region, if any
     * @param postalCode the postal code
     * @param country    ISO 3166-1 alpha-2 code
     */
    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }
}
