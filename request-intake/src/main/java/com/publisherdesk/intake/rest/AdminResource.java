package com.publisherdesk.intake.rest;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import com.publisherdesk.intake.api.AdminBody;
import com.publisherdesk.intake.api.AdminView;
import com.publisherdesk.intake.service.Administrators;
import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** A publisher's administrators add and remove co-administrators; a change takes effect at once. */
@Path("/v1/publishers/{publisherId}/admins")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Administrators administrators;
    private final CurrentCaller caller;

    public AdminResource(Administrators administrators, CurrentCaller caller) {
        this.administrators = administrators;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAdmins", summary = "The account's administrators")
    public List<AdminView> list(@PathParam("publisherId") String publisherId) {
        return administrators.list(publisherId).stream().map(AdminView::of).toList();
    }

    @GET
    @Path("/{email}")
    @Operation(operationId = "getAdmin", summary = "One administrator",
            description = "404 when this email is not an administrator.")
    public AdminView get(@PathParam("publisherId") String publisherId,
            @PathParam("email") @Size(max = 320) String email) {
        return AdminView.of(administrators.find(publisherId, email));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdminView.class)), headers = @Header(name = "Location",
            description = "The administrator", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Already an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdminView.class)))
    @APIResponse(responseCode = "422", description = "`desk-staff`: the desk's support agents and operators may not "
            + "administer a publisher's account")
    @Operation(operationId = "addAdmin", summary = "Add a co-administrator",
            description = "201 with its Location when added, 200 when it "
            + "already was one, 422 for the desk's own staff. Audited, filed as an admin-change request and emailed to every administrator.")
    public Response add(@PathParam("publisherId") String publisherId, @NotNull @Valid AdminBody body) {
        Administrators.Added added = administrators.add(publisherId, body.email(), caller.email());
        AdminView admin = AdminView.of(added.admin());
        if (!added.created()) {
            return Response.ok(admin).build();
        }
        URI location = UriBuilder.fromResource(AdminResource.class).path("{email}").build(publisherId, admin.email());
        return Response.created(location).entity(admin).build();
    }

    @DELETE
    @Path("/{email}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "`last-administrator`: the last administrator cannot be removed")
    @Operation(operationId = "removeAdmin", summary = "Remove an administrator",
            description = "204; 404 when not an administrator, 409 for the "
            + "last one. Audited, filed as an admin-change request and emailed to every administrator and to the "
            + "one removed.")
    public Response remove(@PathParam("publisherId") String publisherId,
            @PathParam("email") @Size(max = 320) String email) {
        administrators.remove(publisherId, email, caller.email());
        return Response.noContent().build();
    }
}
