package com.publisherdesk.billing.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a subscription was charged for one billing period, as the billing system sends it.
 *
 * @param subscriptionId the subscription
 * @param periodFrom     the first day of the period
 * @param periodTo       the last day of the period
 * @param billingDate    when the period was billed
 * @param amount         a decimal string, e.g. {@code "240.00"}
 * @param currency       ISO 4217 code
 */
public record ChargeBody(
        @NotBlank @Size(max = 64) String subscriptionId,
        @NotNull LocalDate periodFrom,
        @NotNull LocalDate periodTo,
        @NotNull LocalDate billingDate,
        @NotNull @Size(max = 13) @Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?",
                message = "must be a decimal string like \"240.00\"") @DecimalMin("0.00") String amount,
        @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code")
        String currency) {

    @JsonIgnore
    @AssertTrue(message = "must not end before it starts")
    public boolean isPeriodOrdered() {
        return periodFrom == null || periodTo == null || !periodTo.isBefore(periodFrom);
    }
}
