package com.publisherdesk.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.intake.api.AuditEntryView;
import com.publisherdesk.intake.api.AuditPage;
import com.publisherdesk.intake.service.AuditTrail;
import com.publisherdesk.kit.input.Paged;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A publisher's administrators read the account's audit trail. */
@Path("/v1/publishers/{publisherId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(operationId = "listAudit",
            summary = "Every change to the account's profile and administrators, newest first, a page at a time")
    public AuditPage list(@PathParam("publisherId") String publisherId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        Paged<AuditEntryView> page = trail.list(publisherId, limit, cursor).map(AuditEntryView::of);
        return new AuditPage(page.items(), page.next());
    }
}
