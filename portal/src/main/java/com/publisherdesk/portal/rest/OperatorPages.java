package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.publisherdesk.portal.client.ApiAnswer;
import com.publisherdesk.portal.client.DeskApi;
import com.publisherdesk.portal.service.Answers;
import com.publisherdesk.portal.service.CurrentUser;
import com.publisherdesk.portal.service.Pages;
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

/** The operators' pages: dead letters per service with replay, emails by state. */
@Path("/operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorPages {

    private static final Map<String, DeskApi.Service> SERVICES = Map.of("request-intake", DeskApi.Service.INTAKE,
            "validation-service", DeskApi.Service.VALIDATION, "billing-credit-service", DeskApi.Service.BILLING,
            "notification-service", DeskApi.Service.NOTIFICATION);
    private static final List<String> SERVICE_NAMES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final Template deadLetters;
    private final Template emails;
    private final PolicyPage policyPage;

    public OperatorPages(DeskApi api, CurrentUser user, Pages pages,
            @Location("dead-letters.html") Template deadLetters, @Location("emails.html") Template emails,
            PolicyPage policyPage) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.deadLetters = deadLetters;
        this.emails = emails;
        this.policyPage = policyPage;
    }

    @GET
    @Path("/dead-letters/{service}")
    public TemplateInstance deadLetters(@PathParam("service") String service, @QueryParam("notice") String notice) {
        SignedIn person = user.require();
        ApiAnswer answer = Answers.required(api.get(service(service), "/v1/operator/dead-letters", person.token()),
                user.signInPath());
        return pages.of(deadLetters).data("service", service).data("services", SERVICE_NAMES)
                .data("letters", answer.items()).data("notice", notice);
    }

    @POST
    @Path("/dead-letters/{service}/{partition}/{offset}/replay")
    public Response replay(@PathParam("service") String service, @PathParam("partition") int partition,
            @PathParam("offset") long offset) {
        SignedIn person = user.require();
        Answers.required(api.post(service(service), "/v1/operator/dead-letters/" + partition + "/" + offset
                + "/replay", person.token(), null, Map.of()), user.signInPath());
        return Response.seeOther(URI.create("/operator/dead-letters/" + service + "?notice=replayed")).build();
    }

    @GET
    @Path("/emails")
    public TemplateInstance emails(@QueryParam("state") String state) {
        SignedIn person = user.require();
        String wanted = "pending".equals(state) ? "pending" : "failed";
        ApiAnswer answer = Answers.required(api.get(DeskApi.Service.NOTIFICATION, "/v1/operator/emails?state="
                + wanted, person.token()), user.signInPath());
        return pages.of(emails).data("state", wanted).data("emails", answer.items());
    }

    @GET
    @Path("/policy")
    public Response policy() {
        return policyPage.forOperators();
    }

    @POST
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dryRun(MultivaluedMap<String, String> form) {
        return policyPage.operatorDryRun(form);
    }

    private static DeskApi.Service service(String name) {
        DeskApi.Service service = SERVICES.get(name);
        if (service == null) {
            throw new com.publisherdesk.portal.service.PageException(404, "errorNotFound", "No service " + name);
        }
        return service;
    }
}
