package com.publisherdesk.intake.api;

import com.publisherdesk.intake.NewSubscriptionValidation;
import com.publisherdesk.kit.input.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A publisher asks whether a subscription and a billing address belong to a known customer.
 *
 * @param subscriptionId the subscription the person gave
 * @param billingAddress the billing address the person gave
 */
public record SubscriptionValidationBody(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be letters, digits, '.', '_' or '-'") String subscriptionId,
        @NotNull @Valid Address billingAddress) {

    /** The validation to file. */
    public NewSubscriptionValidation toRequest() {
        return new NewSubscriptionValidation(subscriptionId, new NewSubscriptionValidation.Address(
                billingAddress.line1(), billingAddress.line2(), billingAddress.city(), billingAddress.region(),
                billingAddress.postalCode(), billingAddress.country()));
    }

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
    public record Address(
            @NotBlank @Size(max = 200) @SingleLine String line1,
            @Size(max = 200) @SingleLine String line2,
            @NotBlank @Size(max = 100) @SingleLine String city,
            @Size(max = 100) @SingleLine String region,
            @NotBlank @Size(max = 20) @SingleLine String postalCode,
            @NotBlank @Size(max = 60) @SingleLine String country) {
    }
}
