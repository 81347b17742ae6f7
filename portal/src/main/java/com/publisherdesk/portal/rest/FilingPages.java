package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The forms a publisher files requests with: a credit request, a subscription validation, a support request. The
 * API's field errors come back beside each field; a filed request opens its own page.
 */
@Path("/publishers/{publisherId}")
@Produces(MediaType.TEXT_HTML)
public class FilingPages {

    private static final String KEY = "idempotencyKey";

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Map<String, Template> templates;

    public FilingPages(DeskApi api, CurrentUser user, Pages pages, @Location("credit-form.html") Template credit,
            @Location("validation-form.html") Template validation, @Location("support-form.html") Template support) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.templates = Map.of("credit-requests", credit, "subscription-validations", validation,
                "support-requests", support);
    }

    @GET
    @Path("/{kind:credit-requests|subscription-validations|support-requests}/new")
    public Response form(@PathParam("publisherId") String publisherId, @PathParam("kind") String kind) {
        SignedIn person = user.require();
        return render(200, publisherId, kind, Map.of(), Map.of(), null, UUID.randomUUID().toString(), person);
    }

    @POST
    @Path("/{kind:credit-requests|subscription-validations|support-requests}/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@PathParam("publisherId") String publisherId, @PathParam("kind") String kind,
            MultivaluedMap<String, String> form) {
        SignedIn person = user.require();
        Map<String, String> values = FormJson.values(form, Set.of(KEY));
        String key = form.getFirst(KEY) == null ? UUID.randomUUID().toString() : form.getFirst(KEY);
        ApiAnswer answer = api.post(DeskApi.Service.INTAKE, Paths.publisher(publisherId) + "/" + kind,
                person.token(), FormJson.body(values), Map.of("Idempotency-Key", key));
        if (answer.ok() || answer.status() == 409 && answer.header("Location").isPresent()) {
            String location = answer.header("Location").orElseThrow().replaceFirst("^.*/v1/", "/");
            return Response.seeOther(URI.create(location)).build();
        }
        if (answer.status() == 400 || answer.status() == 409 || answer.status() == 422 || answer.status() == 429) {
            return render(answer.status(), publisherId, kind, values,
                    FormJson.besideFields(answer.fieldErrors(), form.keySet()), answer.problemDetail(),
                    UUID.randomUUID().toString(), person);
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    private Response render(int status, String publisherId, String kind, Map<String, String> values,
            Map<String, String> errors, String problem, String key, SignedIn person) {
        String html = pages.of(templates.get(kind)).data("publisherId", publisherId).data("values", values)
                .data("errors", errors).data("problem", problem).data("key", key).data("topics", topics(person))
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private Object topics(SignedIn person) {
        ApiAnswer answer = api.get(DeskApi.Service.INTAKE, "/v1/support-topics", person.token());
        return answer.ok() ? answer.body() : java.util.List.of();
    }
}
