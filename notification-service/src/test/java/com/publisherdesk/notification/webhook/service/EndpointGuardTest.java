package com.publisherdesk.notification.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** Outside the embedded desk, webhooks never lead to the desk's own network. */
class EndpointGuardTest {

    private final EndpointGuard production = new EndpointGuard(config(false), List.of("prod"), LaunchMode.NORMAL);
    private final EndpointGuard embedded = new EndpointGuard(config(true), List.of(EndpointGuard.EMBEDDED_PROFILE),
            LaunchMode.NORMAL);

    @Test
    void shouldRefuseLoopbackLinkLocalPrivateAndUnspecifiedAddresses() {
        for (String url : List.of("https://127.0.0.1/hook", "https://127.8.9.10:8443/hook", "https://[::1]/hook",
                "https://localhost/hook", "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/hook",
                "https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.20/hook",
                "https://[fd00::5]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook")) {
            assertEquals(Optional.of("must not lead to a loopback, link-local or private address"),
                    production.refusal(url), url);
        }
    }

    @Test
    void shouldAcceptAPublicHttpsAddress() {
        assertEquals(Optional.empty(), production.refusal("https://203.0.113.10/desk-events?key=1"));
        assertEquals(Optional.empty(), production.refusal("https://[2001:db8::10]:8443/hook"));
    }

    @Test
    void shouldRefuseWhatIsNotAnAbsoluteHttpsUrl() {
        for (String url : List.of("http://203.0.113.10/hook", "ftp://203.0.113.10/hook", "/relative/hook",
                "https://user:secret@203.0.113.10/hook", "https:///no-host", "not a url", "https://203.0.113.10/#x")) {
            assertTrue(production.refusal(url).isPresent(), url);
        }
    }

    @Test
    void shouldAllowLoopbackOverPlainHttpOnlyWhereConfigured() {
        assertEquals(Optional.empty(), embedded.refusal("http://127.0.0.1:8099/desk-events"));
        assertEquals(Optional.empty(), embedded.refusal("https://[::1]/hook"));
        assertTrue(embedded.refusal("http://10.1.2.3/hook").isPresent());
        assertTrue(embedded.refusal("https://192.168.1.20/hook").isPresent());
        assertTrue(production.refusal("http://127.0.0.1:8099/desk-events").isPresent());
    }

    @Test
    void shouldRefuseLoopbackOutsideTheEmbeddedDeskWhateverTheSwitchSays() {
        for (List<String> profiles : List.of(List.of("prod"), List.of("test"), List.of("staging", "prod"))) {
            EndpointGuard switchedOn = new EndpointGuard(config(true), profiles, LaunchMode.NORMAL);
            assertEquals(Optional.of("must be an https URL"), switchedOn.refusal("http://127.0.0.1:8099/hook"),
                    profiles.toString());
            assertEquals(Optional.of("must not lead to a loopback, link-local or private address"),
                    switchedOn.refusal("https://127.0.0.1:8099/hook"), profiles.toString());
        }
        EndpointGuard tests = new EndpointGuard(config(true), List.of("test"), LaunchMode.TEST);
        assertEquals(Optional.empty(), tests.refusal("http://127.0.0.1:8099/hook"));
    }

    @Test
    void shouldShipWithTheLoopbackSwitchOff() {
        assertFalse(ShippedWebhookConfig.read().allowLoopback());
    }

    private static WebhookConfig config(boolean allowLoopback) {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "allowLoopback" -> allowLoopback;
                    case "maxEndpoints" -> 10;
                    default -> Duration.ofSeconds(10);
                });
    }
}
