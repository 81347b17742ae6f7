package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A publisher's requests: the list with filters and pages, one request with its timeline, its authorization. */
@Path("/publishers/{publisherId}/requests")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template list;
    private final Template request;
    private final Template timeline;

    public RequestPages(DeskApi api, CurrentUser user, Pages pages, @Location("requests.html") Template list,
            @Location("request.html") Template request, @Location("timeline.html") Template timeline) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.list = list;
        this.request = request;
        this.timeline = timeline;
    }

    @GET
    public TemplateInstance list(@PathParam("publisherId") String publisherId, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        SignedIn person = user.require();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("type", type);
        filters.put("from", from);
        filters.put("to", to);
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("cursor", cursor);
        ApiAnswer answer = api.get(DeskApi.Service.INTAKE,
                Paths.publisher(publisherId) + "/requests" + Paths.query(query), person.token());
        if (answer.status() != 400) {
            Answers.required(answer, user.signInPath());
        }
        return pages.of(list).data("publisherId", publisherId).data("filters", filters).data("answer", answer)
                .data("filterError", answer.ok() ? null : answer.problemDetail())
                .data("nextQuery", Paths.query(filters).replaceFirst("^\\?", "") + "&cursor=");
    }

    @GET
    @Path("/{requestId}")
    public TemplateInstance get(@PathParam("publisherId") String publisherId,
            @PathParam("requestId") String requestId, @QueryParam("notice") String notice) {
        return pages.of(request).data("publisherId", publisherId).data("request", fetch(publisherId, requestId))
                .data("notice", notice).data("error", null);
    }

    @GET
    @Path("/{requestId}/timeline")
    public TemplateInstance timeline(@PathParam("publisherId") String publisherId,
            @PathParam("requestId") String requestId) {
        return pages.of(timeline).data("publisherId", publisherId).data("request", fetch(publisherId, requestId));
    }

    @POST
    @Path("/{requestId}/authorize")
    public Response authorize(@PathParam("publisherId") String publisherId,
            @PathParam("requestId") String requestId) {
        SignedIn person = user.require();
        String id = Paths.requestId(requestId);
        ApiAnswer answer = api.post(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/requests/" + id
                + "/credit-authorization", person.token(), null, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/publishers/" + Paths.segment(publisherId) + "/requests/" + id
                    + "?notice=authorized")).build();
        }
        if (answer.status() == 409) {
            String html = get(publisherId, requestId, null).data("error", answer.problemDetail()).render();
            return Response.status(409).type(MediaType.TEXT_HTML).entity(html).build();
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    private Object fetch(String publisherId, String requestId) {
        SignedIn person = user.require();
        return Answers.required(api.get(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/requests/"
                + Paths.requestId(requestId), person.token()), user.signInPath()).body();
    }
}
