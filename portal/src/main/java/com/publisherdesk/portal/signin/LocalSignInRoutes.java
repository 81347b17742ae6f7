package com.publisherdesk.portal.signin;

import java.util.List;

import org.jboss.logging.Logger;

import com.publisherdesk.portal.PortalConfig;
import com.publisherdesk.portal.service.LocalIssuer;
import com.publisherdesk.portal.service.LocalSessions;
import com.publisherdesk.portal.service.LocalSignInSwitch;
import com.publisherdesk.portal.service.Texts;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The embedded desk's sign-in page: lists the demo users and signs a token for the one chosen with the desk's local
 * issuer, as {@code ./desk token} does. Its routes are added only where {@link LocalSignInSwitch} allows it, so that
 * in the compose and production profiles the page does not exist at all.
 */
@ApplicationScoped
public class LocalSignInRoutes {

    private static final Logger LOG = Logger.getLogger(LocalSignInRoutes.class);
    private static final List<String> ROLES = List.of("", "support-agent", "operator");

    private final PortalConfig config;
    private final LocalSessions sessions;
    private final Texts texts;
    private final Template page;

    public LocalSignInRoutes(PortalConfig config, LocalSessions sessions, Texts texts,
            @Location("local-sign-in.html") Template page) {
        this.config = config;
        this.sessions = sessions;
        this.texts = texts;
        this.page = page;
    }

    void addRoutes(@Observes Router router) {
        if (!LocalSignInSwitch.isOn(config)) {
            return;
        }
        LocalIssuer issuer = LocalIssuer.fromKeyFile(config.localSignIn().signingKey().orElseThrow());
        LOG.infof("Local sign-in at %s (embedded desk)", LocalSignInSwitch.PATH);
        router.get(LocalSignInSwitch.PATH).blockingHandler(this::show);
        router.post(LocalSignInSwitch.PATH).handler(BodyHandler.create().setBodyLimit(4096))
                .blockingHandler(context -> signIn(context, issuer));
    }

    private void show(RoutingContext context) {
        String lang = language(context);
        List<DemoUser> users = config.localSignIn().demoUsers().stream().map(DemoUser::of).toList();
        String html = page.data("users", users).data("t", texts.of(lang)).data("lang", lang).data("user", null)
                .data("here", LocalSignInSwitch.PATH).data("signInPath", LocalSignInSwitch.PATH)
                .data("roles", ROLES).render();
        context.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(html);
    }

    private void signIn(RoutingContext context, LocalIssuer issuer) {
        String email = context.request().getFormAttribute("email");
        String role = context.request().getFormAttribute("role");
        if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}") || role != null && !ROLES.contains(role)) {
            context.response().setStatusCode(400).putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("An email address and a known role, please.");
            return;
        }
        String token = issuer.sign(email.trim().toLowerCase(java.util.Locale.ROOT),
                role == null || role.isEmpty() ? List.of() : List.of(role));
        context.response().addCookie(Cookie.cookie(LocalSessions.COOKIE, sessions.open(token)).setPath("/")
                .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
        context.response().setStatusCode(303).putHeader("Location", "/").end();
    }

    private static String language(RoutingContext context) {
        Cookie cookie = context.request().getCookie(com.publisherdesk.portal.service.Language.COOKIE);
        return cookie != null && Texts.LANGUAGES.contains(cookie.getValue()) ? cookie.getValue() : "en";
    }

    /**
     * A demo user the page offers.
     *
     * @param email their email
     * @param role  their desk role, empty for a publisher administrator
     */
    @io.quarkus.qute.TemplateData
    public record DemoUser(String email, String role) {

        static DemoUser of(String entry) {
            List<String> roles = LocalSessions.rolesOf(entry);
            int colon = entry.indexOf(':');
            return new DemoUser(colon < 0 ? entry : entry.substring(0, colon), roles.isEmpty() ? "" : roles.get(0));
        }
    }
}
