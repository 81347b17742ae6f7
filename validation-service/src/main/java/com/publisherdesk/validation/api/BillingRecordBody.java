package com.publisherdesk.validation.api;

import static com.publisherdesk.kit.input.InputRules.IDENTIFIER;
import static com.publisherdesk.kit.input.InputRules.IDENTIFIER_RULE;

import com.publisherdesk.kit.input.SingleLine;
import com.publisherdesk.validation.BillingRecord;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One subscription as the billing system sends it.
 *
 * @param subscriptionId the subscription
 * @param customerId     its customer
 * @param customerName   the customer's name
 * @param offerId        the offer subscribed to
 * @param publisherId    the offer's publisher
 * @param billingAddress the billing address on record
 */
public record BillingRecordBody(
        @NotBlank @Size(max = 64) @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_RULE) String subscriptionId,
        @NotBlank @Size(max = 64) @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_RULE) String customerId,
        @NotBlank @Size(max = 200) @SingleLine String customerName,
        @NotBlank @Size(max = 64) @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_RULE) String offerId,
        @NotBlank @Size(max = 64) @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_RULE) String publisherId,
        @NotNull @Valid Address billingAddress) {

    /** The record to import. */
    public BillingRecord toRecord() {
        return new BillingRecord(subscriptionId, customerId, customerName, offerId, publisherId,
                billingAddress.toAddress());
    }

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
    public record Address(
            @NotBlank @Size(max = 200) @SingleLine String line1,
            @Size(max = 200) @SingleLine String line2,
            @NotBlank @Size(max = 100) @SingleLine String city,
            @Size(max = 100) @SingleLine String region,
            @NotBlank @Size(max = 20) @SingleLine String postalCode,
            @NotNull @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String country) {

        BillingRecord.Address toAddress() {
            return new BillingRecord.Address(line1, line2, city, region, postalCode, country);
        }
    }
}
