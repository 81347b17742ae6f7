package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.publisherdesk.portal.client.ApiAnswer;
import com.publisherdesk.portal.client.DeskApi;
import com.publisherdesk.portal.service.Answers;
import com.publisherdesk.portal.service.CurrentUser;
import com.publisherdesk.portal.service.FormJson;
import com.publisherdesk.portal.service.Pages;
import com.publisherdesk.portal.service.Paths;
import com.publisherdesk.portal.service.SignedIn;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** A publisher's account: the profile (with the "changed meanwhile" conflict shown), and its audit trail. */
@Path("/publishers/{publisherId}")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private static final String ETAG = "etag";
    private static final String CONSENT = "creditConsent.given";

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template profile;
    private final Template audit;

    public AccountPages(DeskApi api, CurrentUser user, Pages pages, @Location("profile.html") Template profile,
            @Location("audit.html") Template audit) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.profile = profile;
        this.audit = audit;
    }

    @GET
    @Path("/profile")
    public Response profile(@PathParam("publisherId") String publisherId, @QueryParam("notice") String notice) {
        return render(200, publisherId, notice, Map.of(), null);
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("publisherId") String publisherId, MultivaluedMap<String, String> form) {
        SignedIn person = user.require();
        Map<String, Object> body = FormJson.body(FormJson.values(form, Set.of(ETAG, CONSENT)));
        body.put("creditConsent", Map.of("given", "true".equals(form.getFirst(CONSENT))));
        Map<String, String> headers = new LinkedHashMap<>();
        if (form.getFirst(ETAG) != null && !form.getFirst(ETAG).isBlank()) {
            headers.put("If-Match", form.getFirst(ETAG));
        }
        ApiAnswer answer = api.put(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/profile",
                person.token(), body, headers);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/publishers/" + Paths.segment(publisherId)
                    + "/profile?notice=saved")).build();
        }
        return switch (answer.status()) {
            case 412, 428 -> render(answer.status(), publisherId, "conflict", Map.of(), null);
            case 400, 422 -> render(answer.status(), publisherId, null, answer.fieldErrors(),
                    FormJson.values(form, Set.of(ETAG)));
            default -> throw Answers.refusal(answer, user.signInPath());
        };
    }

    @GET
    @Path("/audit")
    public TemplateInstance audit(@PathParam("publisherId") String publisherId, @QueryParam("cursor") String cursor) {
        SignedIn person = user.require();
        ApiAnswer answer = Answers.required(api.get(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/audit"
                + Paths.query(Map.of("cursor", cursor == null ? "" : cursor)), person.token()), user.signInPath());
        return pages.of(audit).data("publisherId", publisherId).data("page", answer.body());
    }

    private Response render(int status, String publisherId, String notice, Map<String, String> errors,
            Map<String, String> typed) {
        SignedIn person = user.require();
        ApiAnswer current = Answers.required(api.get(DeskApi.Service.INTAKE, Paths.publisher(publisherId)
                + "/profile", person.token()), user.signInPath());
        Map<String, String> values = typed != null ? typed : flatten(current.body());
        String html = pages.of(profile).data("publisherId", publisherId).data("values", values)
                .data("errors", errors).data("notice", notice).data("etag", current.header("ETag").orElse(""))
                .data("consent", current.body().path("creditConsent")).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static Map<String, String> flatten(JsonNode profile) {
        Map<String, String> values = new LinkedHashMap<>();
        profile.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(inner -> values.put(field.getKey() + "." + inner.getKey(),
                        inner.getValue().isNull() ? "" : inner.getValue().asText()));
            } else {
                values.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
            }
        });
        return values;
    }
}
