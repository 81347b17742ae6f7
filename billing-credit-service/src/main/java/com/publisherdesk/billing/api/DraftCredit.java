package com.publisherdesk.billing.api;

import java.time.LocalDate;

import com.publisherdesk.kit.api.CreditFields;
import com.publisherdesk.kit.api.Period;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A draft credit request, with the fields of a filed one, checked as {@link CreditFields} defines them, the way
 * filing checks them: a draft that filing would refuse is refused with a 400, before anything is asked.
 *
 * @param subscriptionId the customer's subscription
 * @param customerName   the customer's name
 * @param amount         a decimal string with at most two decimals
 * @param currency       ISO 4217 code
 * @param creditPeriod   the period the credit is for
 * @param billingDate    the billing date of that period
 * @param reasonCode     the reason code, if the policy looks at it
 */
public record DraftCredit(@CreditFields.SubscriptionId String subscriptionId,
        @CreditFields.CustomerName String customerName,
        @CreditFields.Amount String amount,
        @CreditFields.CurrencyCode String currency,
        @NotNull @Valid Period creditPeriod, @NotNull LocalDate billingDate,
        @CreditFields.ReasonCode String reasonCode) {
}
