package com.publisherdesk.intake.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.publisherdesk.intake.CreditReason;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A credit or refund request as a publisher files it.
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
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be letters, digits, '.', '_' or '-'") String subscriptionId,
        @NotBlank @Size(max = 200) String customerName,
        @NotNull @Size(max = 13) @Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?",
                message = "must be a decimal string like \"120.00\"")
        @DecimalMin(value = "0.01", message = "must be at least 0.01") String amount,
        @NotNull @Size(max = 3) @Iso4217 String currency,
        @NotNull @Valid Period creditPeriod,
        @NotNull @PastOrPresent(message = "must not be in the future: a period is credited after it was billed")
        LocalDate billingDate,
        @NotNull @Valid Reason reason) {

    /**
     * An inclusive range of days.
     *
     * @param from the first day
     * @param to   the last day, not before {@code from}
     */
    public record Period(@NotNull LocalDate from, @NotNull LocalDate to) {

        @JsonIgnore
        @AssertTrue(message = "must not end before it starts")
        public boolean isOrdered() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    /**
     * Why the credit is asked for.
     *
     * @param code        one of the published reason codes
     * @param description the publisher's own words
     */
    public record Reason(@NotNull @Size(max = 40) @CreditReason.Known @Schema(enumeration = { "service-outage",
            "billing-error", "accidental-purchase", "cancelled-but-charged", "dissatisfaction", "other" }) String code,
            @Size(max = 2000) String description) {
    }
}
