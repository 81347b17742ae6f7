package com.publisherdesk.intake.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.intake.api.RequestPage;
import com.publisherdesk.intake.api.RequestSummary;
import com.publisherdesk.intake.api.RequestView;
import com.publisherdesk.intake.service.CreditAuthorizations;
import com.publisherdesk.intake.service.RequestListing;
import com.publisherdesk.intake.service.RequestQueries;
import com.publisherdesk.intake.service.RequestQueries.Found;
import com.publisherdesk.kit.access.CurrentCaller;
import com.publisherdesk.kit.input.InputRules;
import com.publisherdesk.kit.input.Paged;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Publishers follow their requests. */
@Path("/v1/publishers/{publisherId}/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestQueries queries;
    private final RequestListing listing;
    private final CreditAuthorizations authorizations;
    private final CurrentCaller caller;

    public RequestResource(RequestQueries queries, RequestListing listing, CreditAuthorizations authorizations,
            CurrentCaller caller) {
        this.caller = caller;
        this.queries = queries;
        this.listing = listing;
        this.authorizations = authorizations;
    }

    @GET
    @Operation(operationId = "listRequests",
            summary = "The publisher's requests of every type, newest first, a page at a time")
    public RequestPage list(@PathParam("publisherId") String publisherId,
            @QueryParam("status") @Size(max = 40) String status, @QueryParam("type") @Size(max = 40) String type,
            @Parameter(description = "First day of submission, UTC (yyyy-mm-dd)") @QueryParam("from") @Size(max = 10)
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-11-01") String from,
            @Parameter(description = "Last day of submission, UTC (yyyy-mm-dd)") @QueryParam("to") @Size(max = 10)
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-11-30") String to,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new ProblemException(400, "invalid-request", "The request is not valid",
                    "Query parameter to must not be before from.");
        }
        Paged<RequestSummary> page = listing.list(publisherId, new RequestListing.Filter(status, type, first, last),
                limit, cursor).map(RequestSummary::of);
        return new RequestPage(page.items(), page.next());
    }

    private static LocalDate day(String parameter, String value) {
        LocalDate day = value == null ? null : InputRules.day(value);
        if (value != null && day == null) {
            throw new ProblemException(400, "invalid-request", "The request is not valid",
                    "Query parameter " + parameter + " " + InputRules.DATE_RULE + ".");
        }
        return day;
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getRequest", summary = "A request's status, acknowledgement clock and timeline")
    public RequestView get(@PathParam("publisherId") String publisherId, @PathParam("requestId") UUID requestId) {
        Found found = queries.find(publisherId, requestId);
        return RequestView.of(found.request(), found.details(), found.timeline(), found.readAt());
    }

    @POST
    @Path("/{requestId}/credit-authorization")
    @APIResponse(responseCode = "202", description = "Authorization recorded: the credit note follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreditAuthorizations.Recorded.class)))
    @APIResponse(responseCode = "200", description = "Authorized already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreditAuthorizations.Recorded.class)))
    @APIResponse(responseCode = "409", description = "`not-a-credit-request`, or `credit-denied`: a credit that "
            + "was denied")
    @Operation(operationId = "authorizeCredit",
            summary = "Authorize the desk to issue this credit to the customer on the publisher's behalf",
            description = "Needed when the publisher has no standing consent in its profile: an approved credit waits "
                    + "in awaiting-authorization until then. The administrator whose token calls is the one who gives "
                    + "it. Answers 202 when recorded, 200 when it already was.")
    public Response authorize(@PathParam("publisherId") String publisherId, @PathParam("requestId") UUID requestId) {
        CreditAuthorizations.Recorded recorded = authorizations.authorize(publisherId, requestId, caller.email());
        return Response.status(recorded.created() ? 202 : 200).entity(recorded).build();
    }

}
