package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskTokens;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * The embedded desk's sign-in page never exists outside the embedded profile: the packaged portal, run as
 * docker-compose runs it (production profile, Keycloak as the identity provider), has no such page even when its
 * environment names the local issuer's key and asks for the page; its pages send people to the identity provider.
 */
class PortalSignInProfileIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ServiceProcess portal;

    @BeforeAll
    static void start() throws Exception {
        Path keys = Files.createTempDirectory("portal-keys");
        DeskTokens.in(keys);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("INTAKE_URL", "http://127.0.0.1:" + Ports.free());
        environment.put("OIDC_URL", "http://127.0.0.1:" + Ports.free() + "/realms/publisher-desk");
        environment.put("OIDC_CLIENT_ID", "publisher-desk-portal");
        environment.put("OIDC_CLIENT_SECRET", "portal-dev-secret");
        environment.put("DESK_TOKEN_SIGNING_KEY", keys.resolve("token-signing-key.pem").toString());
        environment.put("PORTAL_LOCAL_SIGN_IN_ENABLED", "true");
        portal = new ServiceProcess("portal", Ports.free(),
                RunningDesk.ROOT.resolve("portal/target/quarkus-app/quarkus-run.jar"),
                Path.of("target/portal-production-profile.log"), environment, List.of("-Xmx128m"));
        portal.start().awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void shouldHaveNoLocalSignInPageInTheProductionProfileWhateverTheEnvironmentSays() throws Exception {
        assertEquals(404, send(HttpRequest.newBuilder(uri("/sign-in/local")).GET()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/sign-in/local"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=operator%40desk.example&role=operator")))
                .statusCode());
    }

    @Test
    void shouldSendSomeoneNotSignedInToTheIdentityProvidersSignIn() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/publishers/northwind/requests")).GET());
        assertEquals(303, page.statusCode());
        assertEquals("/sign-in", URI.create(page.headers().firstValue("Location").orElseThrow()).getPath());
    }

    private static URI uri(String path) {
        return URI.create(portal.url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
