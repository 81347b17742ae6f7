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
import io.quarkus.qute.TemplateInstance;
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

/** The support agents' review queue: oldest first, a request's evidence, approve or deny with a note. */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template queue;
    private final Template evidence;

    public ReviewPages(DeskApi api, CurrentUser user, Pages pages, @Location("review-queue.html") Template queue,
            @Location("review.html") Template evidence) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.queue = queue;
        this.evidence = evidence;
    }

    @GET
    public TemplateInstance queue(@QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        SignedIn person = user.require();
        ApiAnswer answer = Answers.required(api.get(DeskApi.Service.BILLING, "/v1/review-queue"
                + Paths.query(Map.of("cursor", cursor == null ? "" : cursor)), person.token()), user.signInPath());
        return pages.of(queue).data("page", answer.body()).data("notice", notice);
    }

    @GET
    @Path("/{requestId}")
    public Response evidence(@PathParam("requestId") String requestId) {
        return render(200, requestId, null, null, "", "");
    }

    @POST
    @Path("/{requestId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("requestId") String requestId, @FormParam("outcome") String outcome,
            @FormParam("note") String note) {
        SignedIn person = user.require();
        ApiAnswer answer = api.post(DeskApi.Service.BILLING, "/v1/review-queue/" + Paths.requestId(requestId)
                + "/decision", person.token(), Map.of("outcome", outcome == null ? "" : outcome,
                        "note", note == null ? "" : note), Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/review?notice=" + ("approve".equals(outcome) ? "approved"
                    : "denied"))).build();
        }
        boolean fourEyes = answer.status() == 403 && answer.body().path("type").asText("").endsWith("four-eyes");
        if (fourEyes || answer.status() == 400 || answer.status() == 409) {
            return render(answer.status(), requestId, fourEyes ? "fourEyes" : "refused", answer,
                    outcome == null ? "" : outcome, note == null ? "" : note);
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    private Response render(int status, String requestId, String refusal, ApiAnswer refused, String outcome,
            String note) {
        SignedIn person = user.require();
        ApiAnswer answer = api.get(DeskApi.Service.BILLING, "/v1/review-queue/" + Paths.requestId(requestId),
                person.token());
        if (!answer.ok() && refused == null) {
            throw Answers.refusal(answer, user.signInPath());
        }
        String html = pages.of(evidence).data("evidence", answer.ok() ? answer.body() : null)
                .data("requestId", requestId).data("refusal", refusal)
                .data("refusalDetail", refused == null ? null : refused.problemDetail())
                .data("errors", refused == null ? Map.of() : refused.fieldErrors()).data("outcome", outcome)
                .data("note", note).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
