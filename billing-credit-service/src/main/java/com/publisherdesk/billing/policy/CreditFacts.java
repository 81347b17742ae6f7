package com.publisherdesk.billing.policy;

import java.math.BigDecimal;

/**
 * What the policy knows about a credit request when it decides.
 *
 * @param subscriptionConfirmed the subscription belongs to the customer and to one of the publisher's offers
 * @param billedForPeriod       a charge covers the credit period
 * @param sameCurrency          that charge is in the currency asked for
 * @param amount                the amount asked for
 * @param currency              the currency asked for (ISO 4217)
 * @param creditable            what was billed for the period less what was already credited
 * @param billingDateMatches    the billing date given is the one the ledger has for the period's charge
 * @param billingDateAgeDays    how many days ago the ledger's billing date of the period was (the date given when
 *                              nothing was billed for the period)
 * @param overlapsAnotherCredit another approved or in-review credit of the subscription overlaps the period
 * @param reason                the reason code the publisher gave
 */
public record CreditFacts(boolean subscriptionConfirmed, boolean billedForPeriod, boolean sameCurrency,
        BigDecimal amount, String currency, BigDecimal creditable, boolean billingDateMatches, long billingDateAgeDays,
        boolean overlapsAnotherCredit, String reason) {
}
