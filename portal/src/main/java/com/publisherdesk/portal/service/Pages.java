package com.publisherdesk.portal.service;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/** Fills what every page shows: who is signed in, the language and its words, where the page is. */
@RequestScoped
public class Pages {

    private final CurrentUser user;
    private final Language language;
    private final Texts texts;
    private final RoutingContext request;

    public Pages(CurrentUser user, Language language, Texts texts, RoutingContext request) {
        this.user = user;
        this.language = language;
        this.texts = texts;
        this.request = request;
    }

    /** {@code template} with the common data filled in. */
    public TemplateInstance of(Template template) {
        String lang = language.current();
        String uri = request.request().uri();
        return template.data("user", user.find().orElse(null)).data("lang", lang).data("t", texts.of(lang))
                .data("here", uri).data("signInPath", user.signInPath());
    }

    /** The words of the current language. */
    public java.util.Map<String, String> words() {
        return texts.of(language.current());
    }
}
