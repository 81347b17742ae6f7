package com.publisherdesk.portal.rest;

import java.net.URI;
import java.util.List;

import com.publisherdesk.portal.client.ApiAnswer;
import com.publisherdesk.portal.client.DeskApi;
import com.publisherdesk.portal.service.CurrentUser;
import com.publisherdesk.portal.service.Language;
import com.publisherdesk.portal.service.LocalSessions;
import com.publisherdesk.portal.service.Pages;
import com.publisherdesk.portal.service.SignedIn;
import com.publisherdesk.portal.service.Texts;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The home page (what the signed-in person may work on), signing in and out, and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    private final DeskApi api;
    private final CurrentUser user;
    private final Pages pages;
    private final LocalSessions sessions;
    private final RoutingContext request;
    private final Template home;

    public HomePages(DeskApi api, CurrentUser user, Pages pages, LocalSessions sessions, RoutingContext request,
            @Location("home.html") Template home) {
        this.api = api;
        this.user = user;
        this.pages = pages;
        this.sessions = sessions;
        this.request = request;
        this.home = home;
    }

    @GET
    public TemplateInstance home() {
        List<?> publishers = user.find().map(this::publishersOf).orElse(List.of());
        return pages.of(home).data("publishers", publishers);
    }

    /** Reached through the identity provider's sign-in (the path requires authentication): back home. */
    @GET
    @Path("sign-in")
    public Response signedIn() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        if (!user.isLocal()) {
            return Response.seeOther(URI.create("/oidc/sign-out")).build();
        }
        Cookie session = request.request().getCookie(LocalSessions.COOKIE);
        sessions.close(session == null ? null : session.getValue());
        request.response().removeCookie(LocalSessions.COOKIE);
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String lang, @FormParam("back") String back) {
        if (lang != null && Texts.LANGUAGES.contains(lang)) {
            Language.remember(request, lang);
        }
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return Response.seeOther(URI.create(local ? back : "/")).build();
    }

    private List<?> publishersOf(SignedIn person) {
        if (person.isAgent() || person.isOperator()) {
            return List.of();
        }
        ApiAnswer mine = api.get(DeskApi.Service.INTAKE, "/v1/me/publishers", person.token());
        List<Object> list = new java.util.ArrayList<>();
        if (mine.ok()) {
            mine.body().forEach(list::add);
        }
        return list;
    }
}
