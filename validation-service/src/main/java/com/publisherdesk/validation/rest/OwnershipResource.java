package com.publisherdesk.validation.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.kit.input.InputRules;
import com.publisherdesk.validation.service.OwnershipChecks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * For the desk's own services, on behalf of a publisher administrator: would the ownership check of a credit request
 * confirm it? Nothing is recorded or published, and the answer is yes or no, never why.
 */
@Path("/v1/publishers/{publisherId}/ownership-checks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OwnershipResource {

    private final OwnershipChecks checks;

    public OwnershipResource(OwnershipChecks checks) {
        this.checks = checks;
    }

    @POST
    @Operation(operationId = "checkOwnership",
            summary = "Whether a subscription belongs to the named customer and to one of the publisher's offers")
    public Answer check(@PathParam("publisherId") @Size(max = 64) String publisherId,
            @NotNull @Valid Question question) {
        return new Answer(checks.confirmsCredit(publisherId, question.subscriptionId(),
                question.customerName()));
    }

    /**
     * What is asked.
     *
     * @param subscriptionId the customer's subscription
     * @param customerName   the customer's name as the publisher gave it
     */
    public record Question(
            @NotBlank @Size(max = 64) @Pattern(regexp = InputRules.IDENTIFIER, message = InputRules.IDENTIFIER_RULE)
            String subscriptionId,
            @NotBlank @Size(max = 200) String customerName) {
    }

    /**
     * The answer.
     *
     * @param confirmed whether the subscription belongs to that customer and to one of that publisher's offers
     */
    public record Answer(boolean confirmed) {
    }
}
