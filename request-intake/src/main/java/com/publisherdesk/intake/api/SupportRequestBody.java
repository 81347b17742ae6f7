package com.publisherdesk.intake.api;

import com.publisherdesk.intake.NewSupportRequest;
import com.publisherdesk.intake.support.SupportCatalog;
import com.publisherdesk.kit.input.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A question on another billing topic, as a publisher files it.
 *
 * @param topic          one of the topics of {@code GET /v1/support-topics}
 * @param subject        one line saying what it is about
 * @param description    the question, in the publisher's own words
 * @param subscriptionId the customer's subscription, when the question is about a customer
 * @param customerName   the customer's name, when the question is about a customer
 */
public record SupportRequestBody(
        @NotBlank @Size(max = 64) @SupportCatalog.Known String topic,
        @NotBlank @Size(max = 200) @SingleLine String subject,
        @NotBlank @Size(max = 5000) String description,
        @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be letters, digits, '.', '_' or '-'") String subscriptionId,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when given")
        @SingleLine String customerName) {

    /** The support request to file. */
    public NewSupportRequest toRequest() {
        return new NewSupportRequest(topic, subject, description, subscriptionId, customerName);
    }
}
