package com.publisherdesk.intake.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.intake.service.RequestQueries;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Publishers follow their requests. */
@Path("/v1/publishers/{publisherId}/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestQueries queries;

    public RequestResource(RequestQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{requestId}")
    @Operation(summary = "A request's status, acknowledgement clock and timeline")
    public RequestView get(@PathParam("publisherId") String publisherId, @PathParam("requestId") UUID requestId) {
        return queries.find(publisherId, requestId);
    }
}
