package com.publisherdesk.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.intake.api.ProfileBody;
import com.publisherdesk.intake.api.ProfileView;
import com.publisherdesk.intake.service.Profiles;
import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A publisher's administrators read and change the account's profile. */
@Path("/v1/publishers/{publisherId}/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final Profiles profiles;
    private final CurrentCaller caller;

    public ProfileResource(Profiles profiles, CurrentCaller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The profile, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileView.class)), headers = @Header(name = "ETag",
            description = "Give it as If-Match to change the profile", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "getProfile", summary = "The account's profile",
            description = "Its ETag is needed to change it.")
    public Response get(@PathParam("publisherId") String publisherId) {
        return answer(profiles.read(publisherId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Changed, audited and emailed; the new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileView.class)), headers = @Header(name = "ETag",
            description = "The profile's new version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "`precondition-failed`: the profile changed meanwhile: read it "
            + "again")
    @APIResponse(responseCode = "428", description = "`precondition-required`: If-Match is missing")
    @Operation(operationId = "updateProfile", summary = "Change the account's profile",
            description = "The whole profile, with the ETag it was read "
            + "with in If-Match: 428 without it, 412 when the profile changed meanwhile (nothing is changed then). "
            + "Applied at once, audited, filed as a profile-change request and emailed to the contact and every "
            + "administrator. Answers the new profile and its ETag.")
    public Response put(@PathParam("publisherId") String publisherId,
            @Parameter(description = "The ETag of the profile the change was made against") @HeaderParam("If-Match")
            String ifMatch, @NotNull @Valid ProfileBody body) {
        return answer(profiles.update(publisherId, EntityTags.required(ifMatch), body.toProfile(), caller.email()));
    }

    private static Response answer(Profiles.Current current) {
        return Response.ok(ProfileView.of(current.publisher())).tag(EntityTags.of(current.version())).build();
    }
}
