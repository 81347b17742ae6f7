package com.publisherdesk.portal.rest;

import java.net.URI;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.publisherdesk.portal.client.DeskUnavailableException;
import com.publisherdesk.portal.service.PageException;
import com.publisherdesk.portal.service.Pages;
import com.publisherdesk.portal.service.SignInRequiredException;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every refusal as a page that says why, with its real status: never a blank page. */
public class PageErrors {

    private final Template error;
    private final Pages pages;

    public PageErrors(@Location("error.html") Template error, Pages pages) {
        this.error = error;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response signIn(SignInRequiredException e) {
        return Response.seeOther(URI.create(e.signInPath())).build();
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        return render(e.status(), e.textKey(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(DeskUnavailableException e) {
        return render(503, "errorUnavailable", e.getMessage());
    }

    private Response render(int status, String textKey, String detail) {
        String html = pages.of(error).data("status", status).data("reason", pages.words().get(textKey))
                .data("detail", detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
