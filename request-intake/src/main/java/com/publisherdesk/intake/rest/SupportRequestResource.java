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

import com.publisherdesk.intake.api.SupportRequestBody;
import com.publisherdesk.intake.api.SupportTopicView.ChannelView;
import com.publisherdesk.intake.service.SupportRequests;
import com.publisherdesk.intake.service.SupportRequests.Routed;
import com.publisherdesk.kit.access.CurrentCaller;

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

/** Publishers ask about other billing topics; the desk routes each question to the team that answers it. */
@Path("/v1/publishers/{publisherId}/support-requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupportRequestResource {

    private final SupportRequests support;
    private final CurrentCaller caller;

    public SupportRequestResource(SupportRequests support, CurrentCaller caller) {
        this.support = support;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Accepted and routed: the channel that answers it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoutedView.class)), headers = @Header(name = "Location",
            description = "The request's status and timeline", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "fileSupportRequest", summary = "File a support request on one of the support topics",
            description = "Answers 202 with "
            + "the request's location and the channel it was routed to: who answers and how soon, typically. The "
            + "acknowledgement email follows; the answer comes from that channel's team.")
    public Response file(@PathParam("publisherId") @Size(max = 64) String publisherId,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first answer")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @NotNull @Valid SupportRequestBody body) {
        Routed routed = support.submit(publisherId, caller.email(), key, body.toRequest());
        URI location = URI.create("/v1/publishers/" + publisherId + "/requests/" + routed.accepted().requestId());
        return Response.accepted(RoutedView.of(routed)).location(location).build();
    }

    /**
     * The answer to an accepted support request: where it went.
     *
     * @param requestId            the new request's id
     * @param status               where it stands ({@code routed})
     * @param acknowledgementDueBy when the acknowledgement email is due at the latest
     * @param topic                the topic asked about
     * @param channel              the channel it was routed to: its name, who answers, how soon typically
     */
    public record RoutedView(UUID requestId, String status, Instant acknowledgementDueBy, String topic,
            ChannelView channel) {

        static RoutedView of(Routed routed) {
            return new RoutedView(routed.accepted().requestId(), routed.accepted().status(),
                    routed.accepted().acknowledgementDueBy(), routed.topic().id(), ChannelView.of(routed.channel()));
        }
    }
}
