package com.publisherdesk.portal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The credit policy in force with a dry-run form: for operators (the publisher named in the form), and on a
 * publisher's own pages (that publisher). The API runs a dry run for the publisher's administrators only, so a
 * refusal is explained on the page.
 */
@RequestScoped
public class PolicyPage {

    private static final String PUBLISHER = "publisherId";

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template policy;

    public PolicyPage(DeskApi api, CurrentUser user, Pages pages, @Location("policy.html") Template policy) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.policy = policy;
    }

    /** The operators' page: the publisher is named in the form. */
    public Response forOperators() {
        return render(200, null, Map.of(PUBLISHER, "northwind"), Map.of(), null, null);
    }

    /** A dry run from the operators' page. */
    public Response operatorDryRun(MultivaluedMap<String, String> form) {
        return dryRun(null, FormJson.values(form, Set.of()));
    }

    /** A publisher's page: the dry run is for that publisher. */
    public Response forPublisher(String publisherId) {
        return render(200, publisherId, Map.of(), Map.of(), null, null);
    }

    /** A dry run from a publisher's page. */
    public Response publisherDryRun(String publisherId, MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(FormJson.values(form, Set.of(PUBLISHER)));
        values.put(PUBLISHER, publisherId);
        return dryRun(publisherId, values);
    }

    private Response dryRun(String ownPublisher, Map<String, String> values) {
        SignedIn person = user.require();
        Map<String, String> draft = new LinkedHashMap<>(values);
        String publisherId = draft.remove(PUBLISHER);
        ApiAnswer answer = api.post(DeskApi.Service.BILLING, Paths.publisher(publisherId == null ? "" : publisherId)
                + "/credit-policy/dry-run", person.token(), FormJson.body(draft), Map.of());
        if (answer.ok()) {
            return render(200, ownPublisher, values, Map.of(), answer.body(), null);
        }
        if (answer.status() == 403) {
            return render(403, ownPublisher, values, Map.of(), null, pages.words().get("dryRunForbidden"));
        }
        if (answer.status() == 400 || answer.status() == 404 || answer.status() == 422) {
            return render(answer.status(), ownPublisher, values, answer.fieldErrors(), null, answer.problemDetail());
        }
        throw Answers.refusal(answer, user.signInPath());
    }

    private Response render(int status, String publisherId, Map<String, String> values, Map<String, String> errors,
            Object ruling, String problem) {
        SignedIn person = user.require();
        ApiAnswer answer = Answers.required(api.get(DeskApi.Service.BILLING, "/v1/credit-policy", person.token()),
                user.signInPath());
        String html = pages.of(policy).data("publisherId", publisherId).data("policy", answer.body())
                .data("values", values).data("errors", errors).data("ruling", ruling).data("problem", problem)
                .data("action", publisherId == null ? "/operator/policy"
                        : "/publishers/" + Paths.segment(publisherId) + "/credit-policy")
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
