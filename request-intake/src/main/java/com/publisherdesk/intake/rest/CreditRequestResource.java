package com.publisherdesk.intake.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.intake.api.CreditRequestBody;
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

/** Publishers file credit and refund requests on behalf of their customers. */
@Path("/v1/publishers/{publisherId}/credit-requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CreditRequestResource {

    private final RequestIntake intake;
    private final CurrentCaller caller;

    public CreditRequestResource(RequestIntake intake, CurrentCaller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Accepted: stored, and acknowledged by email within 24 hours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcceptedView.class)), headers = @Header(name = "Location",
            description = "The request's status and timeline", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409",
            description = "`duplicate-credit-request`: a credit request already covers this subscription for an "
                    + "overlapping period (filed without this Idempotency-Key): Location names it",
            headers = @Header(name = "Location", description = "The request's status and timeline",
            schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "fileCreditRequest", summary = "File a credit or refund request",
            description = "Answers 202 with the request's location; "
            + "the acknowledgement email follows within 24 hours, the decision within seconds.")
    public Response file(@PathParam("publisherId") @Size(max = 64) String publisherId,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first answer")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @NotNull @Valid CreditRequestBody body) {
        Accepted accepted = intake.submitCredit(publisherId, caller.email(), key, body.toRequest());
        URI location = URI.create("/v1/publishers/" + publisherId + "/requests/" + accepted.requestId());
        return Response.accepted(AcceptedView.of(accepted)).location(location).build();
    }

    /**
     * The answer to an accepted request.
     *
     * @param requestId            the new request's id
     * @param status               where it stands
     * @param acknowledgementDueBy when the acknowledgement email is due at the latest
     */
    public record AcceptedView(UUID requestId, String status, Instant acknowledgementDueBy) {

        public static AcceptedView of(Accepted accepted) {
            return new AcceptedView(accepted.requestId(), accepted.status(), accepted.acknowledgementDueBy());
        }
    }
}
