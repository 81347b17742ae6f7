package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.Map;

import com.publisherdesk.portal.client.ApiAnswer;
import com.publisherdesk.portal.client.DeskApi;
import com.publisherdesk.portal.service.Answers;
import com.publisherdesk.portal.service.CurrentUser;
import com.publisherdesk.portal.service.Pages;
import com.publisherdesk.portal.service.Paths;
import com.publisherdesk.portal.service.SignedIn;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A publisher's co-administrators: the list, adding one by email, removing one (never the last). */
@Path("/publishers/{publisherId}/admins")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template admins;

    public AdminPages(DeskApi api, CurrentUser user, Pages pages, @Location("admins.html") Template admins) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.admins = admins;
    }

    @GET
    public Response list(@PathParam("publisherId") String publisherId, @QueryParam("notice") String notice) {
        return render(200, publisherId, notice, null, null, "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("publisherId") String publisherId, @FormParam("email") String email) {
        SignedIn person = user.require();
        ApiAnswer answer = api.post(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/admins", person.token(),
                Map.of("email", email == null ? "" : email), Map.of());
        if (answer.ok()) {
            return back(publisherId, "added");
        }
        if (answer.status() == 400 || answer.status() == 409 || answer.status() == 422) {
            String fieldError = answer.fieldErrors().getOrDefault("email", answer.problemDetail());
            return render(answer.status(), publisherId, null, fieldError, null, email);
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("publisherId") String publisherId, @FormParam("email") String email) {
        SignedIn person = user.require();
        ApiAnswer answer = api.delete(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/admins/"
                + Paths.segment(email == null ? "" : email), person.token());
        if (answer.ok()) {
            return back(publisherId, "removed");
        }
        if (answer.status() == 409 || answer.status() == 404) {
            return render(answer.status(), publisherId, null, null, answer.problemDetail(), "");
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    private Response back(String publisherId, String notice) {
        return Response.seeOther(URI.create("/publishers/" + Paths.segment(publisherId) + "/admins?notice="
                + notice)).build();
    }

    private Response render(int status, String publisherId, String notice, String emailError, String removeError,
            String email) {
        SignedIn person = user.require();
        ApiAnswer answer = Answers.required(api.get(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/admins",
                person.token()), user.signInPath());
        String html = pages.of(admins).data("publisherId", publisherId).data("admins", answer.body())
                .data("notice", notice).data("emailError", emailError).data("removeError", removeError)
                .data("email", email == null ? "" : email).data("me", person.email()).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
