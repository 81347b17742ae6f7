package com.publisherdesk.kit.outbox;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness fails while the outbox relay has been unable to publish for longer than {@code desk.outbox.unready-after},
 * when its thread has died, or when it has not finished a pass for that long plus a send's timeout (wedged): a service
 * that accepts requests (202) but cannot pass their events on must not look ready.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxRelayHealth(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay");
        Instant now = Instant.now();
        Instant since = relay.failingSince().orElse(null);
        if (since != null && Duration.between(since, now).compareTo(config.unreadyAfter()) >= 0) {
            return response.down().withData("failing-since", since.toString())
                    .withData("last-failure", relay.lastFailure().orElse("unknown")).build();
        }
        if (!relay.isRunning()) {
            return response.down().withData("running", false).build();
        }
        Instant lastPass = relay.lastPass();
        if (Duration.between(lastPass, now).compareTo(config.unreadyAfter().plus(config.sendTimeout())) > 0) {
            return response.down().withData("last-pass", lastPass.toString()).build();
        }
        return response.up().withData("publishing", since == null).build();
    }
}
