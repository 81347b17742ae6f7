package com.publisherdesk.intake;

import java.time.LocalDate;

import com.publisherdesk.kit.api.Period;

/**
 * A credit or refund request to file, with its fields as the publisher gave them (and as the request keeps them).
 *
 * @param subscriptionId the customer's subscription
 * @param customerName   the customer's name
 * @param amount         a decimal string with at most two decimals, e.g. {@code "120.00"}
 * @param currency       ISO 4217 code
 * @param creditPeriod   the period the credit is for
 * @param billingDate    the billing date of that period
 * @param reason         why the credit is asked for
 */
public record NewCreditRequest(String subscriptionId, String customerName, String amount, String currency,
        Period creditPeriod, LocalDate billingDate, Reason reason) {

    /**
     * Why the credit is asked for.
     *
     * @param code        one of the published reason codes
     * @param description the publisher's own words
     */
    public record Reason(String code, String description) {
    }
}
