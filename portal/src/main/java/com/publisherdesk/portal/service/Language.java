package com.publisherdesk.portal.service;

import com.publisherdesk.portal.client.ApiAnswer;
import com.publisherdesk.portal.client.DeskApi;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * The language of this request's pages: the one the person chose (a cookie), else their publisher profile's
 * language (then remembered in the cookie), else English.
 */
@RequestScoped
public class Language {

    /** The cookie that keeps the chosen language. */
    public static final String COOKIE = "portal-lang";

    private final RoutingContext request;
    private final CurrentUser user;
    private final DeskApi api;
    private String current;

    public Language(RoutingContext request, CurrentUser user, DeskApi api) {
        this.request = request;
        this.user = user;
        this.api = api;
    }

    /** {@code en} or {@code fr}. */
    public String current() {
        if (current == null) {
            current = chosen();
            if (current == null) {
                current = fromProfile();
                if (current != null) {
                    remember(request, current);
                } else {
                    current = Texts.LANGUAGES.get(0);
                }
            }
        }
        return current;
    }

    /** Keeps {@code language} for the person's next pages. */
    public static void remember(RoutingContext request, String language) {
        request.response().addCookie(Cookie.cookie(COOKIE, language).setPath("/").setHttpOnly(true)
                .setMaxAge(60L * 60 * 24 * 365).setSameSite(io.vertx.core.http.CookieSameSite.LAX));
    }

    private String chosen() {
        Cookie cookie = request.request().getCookie(COOKIE);
        return cookie != null && Texts.LANGUAGES.contains(cookie.getValue()) ? cookie.getValue() : null;
    }

    private String fromProfile() {
        return user.find().filter(person -> !person.isAgent() && !person.isOperator()).map(person -> {
            ApiAnswer mine = api.get(DeskApi.Service.INTAKE, "/v1/me/publishers", person.token());
            String language = mine.ok() ? mine.body().path(0).path("language").asText("") : "";
            return Texts.LANGUAGES.contains(language) ? language : null;
        }).orElse(null);
    }
}
