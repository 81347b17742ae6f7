package com.publisherdesk.intake.rest;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.intake.api.SubscriptionValidationBody;
import com.publisherdesk.intake.rest.CreditRequestResource.AcceptedView;
import com.publisherdesk.intake.service.RequestIntake;
import com.publisherdesk.kit.access.CurrentCaller;
import com.publisherdesk.intake.service.RequestIntake.Accepted;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Publishers ask whether a subscription and a billing address belong to a known customer. */
@Path("/v1/publishers/{publisherId}/subscription-validations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionValidationResource {

    private final RequestIntake intake;

    private final CurrentCaller caller;

    public SubscriptionValidationResource(RequestIntake intake, CurrentCaller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Accepted: the answer follows on the request and by email",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcceptedView.class)), headers = @Header(name = "Location",
            description = "The request's status and timeline", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429",
            description = "`too-many-requests`: too many tries for this subscription or publisher within the hour",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
            schema = @Schema(type = SchemaType.INTEGER)))
    @Operation(operationId = "validateSubscription", summary = "Validate a subscription and billing address",
            description = "Answers 202 with the "
            + "request's location; the answer (confirmed or not confirmed) follows within seconds on the request and "
            + "by email. It never reveals the stored address, nor whether the subscription exists. Repeated "
            + "unconfirmed tries are refused for a while with 429 and Retry-After.")
    public Response validate(@PathParam("publisherId") @Size(max = 64) String publisherId,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first answer")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @NotNull @Valid SubscriptionValidationBody body) {
        Accepted accepted = intake.submitValidation(publisherId, caller.email(), key, body.toRequest());
        URI location = URI.create("/v1/publishers/" + publisherId + "/requests/" + accepted.requestId());
        return Response.accepted(AcceptedView.of(accepted)).location(location).build();
    }
}
