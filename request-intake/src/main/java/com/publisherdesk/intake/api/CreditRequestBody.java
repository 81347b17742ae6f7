package com.publisherdesk.intake.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.publisherdesk.intake.NewCreditRequest;
import com.publisherdesk.kit.api.CreditFields;
import com.publisherdesk.kit.api.Period;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A credit or refund request as a publisher files it; its fields are checked as {@link CreditFields} defines them,
 * the same way the policy's dry run checks a draft.
 *
 * @param subscriptionId the customer's subscription
 * @param customerName   the customer's name
 * @param amount         a decimal string with at most two decimals, e.g. {@code "120.00"}
 * @param currency       ISO 4217 code
 * @param creditPeriod   the period the credit is for
 * @param billingDate    the billing date of that period, as the ledger has it (a request giving another date is
 *                       denied); never in the future
 * @param reason         why the credit is asked for
 */
public record CreditRequestBody(
        @CreditFields.SubscriptionId String subscriptionId,
        @CreditFields.CustomerName String customerName,
        @CreditFields.Amount String amount,
        @CreditFields.CurrencyCode String currency,
        @NotNull @Valid Period creditPeriod,
        @NotNull @PastOrPresent(message = "must not be in the future: a period is credited after it was billed")
        LocalDate billingDate,
        @NotNull @Valid Reason reason) {

    /** The request to file. */
    public NewCreditRequest toRequest() {
        return new NewCreditRequest(subscriptionId, customerName, amount, currency, creditPeriod, billingDate,
                new NewCreditRequest.Reason(reason.code(), reason.description()));
    }

    /**
     * Why the credit is asked for.
     *
     * @param code        one of the published reason codes
     * @param description the publisher's own words
     */
    public record Reason(@NotNull @CreditFields.ReasonCode @Schema(enumeration = { "service-outage",
            "billing-error", "accidental-purchase", "cancelled-but-charged", "dissatisfaction", "other" }) String code,
            @Size(max = 2000) String description) {
    }
}
