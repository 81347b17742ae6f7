package com.publisherdesk.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a publisher asked for in a credit or refund request.
 *
 * @param subscriptionId the customer's subscription
 * @param customerName   the customer as the publisher names it
 * @param amount         the amount asked for, a decimal (a string on the wire)
 * @param currency       ISO 4217 code
 * @param creditPeriod   the period the credit is for
 * @param billingDate    the billing date of that period
 * @param reasonCode     a code from the published list of reasons
 * @param description    the publisher's own words
 */
public record CreditRequestDetails(String subscriptionId, String customerName, BigDecimal amount, String currency,
        DatePeriod creditPeriod, LocalDate billingDate, String reasonCode, String description) {
}
