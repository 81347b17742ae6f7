package com.publisherdesk.intake.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.intake.api.RequestView;
import com.publisherdesk.intake.service.RequestQueries;
import com.publisherdesk.intake.service.RequestQueries.Found;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The desk's staff (support agents and operators) read any request, with who on the staff took each step. */
@Path("/v1/desk/requests")
@Produces(MediaType.APPLICATION_JSON)
public class StaffRequestResource {

    private final RequestQueries queries;

    public StaffRequestResource(RequestQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getRequestAsStaff",
            summary = "A request's status and timeline as the desk's staff read it",
            description = "For support agents and operators: each step a person on the staff took names them "
                    + "(actor), where the publisher reads \"a support agent\".")
    public RequestView get(@PathParam("requestId") UUID requestId) {
        Found found = queries.findForStaff(requestId);
        return RequestView.forStaff(found.request(), found.details(), found.timeline(), found.readAt());
    }
}
