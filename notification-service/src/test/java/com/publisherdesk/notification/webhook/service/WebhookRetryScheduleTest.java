package com.publisherdesk.notification.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.notification.webhook.DeliveryStatus;
import com.publisherdesk.notification.webhook.EndpointStatus;
import com.publisherdesk.notification.webhook.WebhookDelivery;
import com.publisherdesk.notification.webhook.WebhookEndpoint;
import com.publisherdesk.notification.webhook.service.WebhookSender.Outcome;

/**
 * A delivery that keeps failing, attempted each time it falls due on a clock that moves only from one due time to
 * the next, with the settings the service ships: the pause doubles from the first retry up to the longest backoff,
 * attempts stop when the retry window (24 hours) closes, and the endpoint is then disabled, not before.
 */
class WebhookRetryScheduleTest {

    private static final Instant FIRST_ATTEMPT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Outcome UNAVAILABLE = new Outcome(false, 503, "answered HTTP 503");
    private static final Outcome ACCEPTED = new Outcome(true, 204, null);

    private final WebhookConfig config = ShippedWebhookConfig.read();
    private final WebhookOutcomes outcomes = new WebhookOutcomes(config, null, null);

    @Test
    void shouldShipARetryWindowOf24HoursAndAPauseDoublingFrom10SecondsToAnHour() {
        assertEquals(Duration.ofHours(24), config.retryWindow());
        assertEquals(Duration.ofSeconds(10), config.firstRetry());
        assertEquals(Duration.ofHours(1), config.maxBackoff());
    }

    @Test
    void shouldRetryAfterADoublingPauseCappedAtTheLongestBackoff() {
        List<Instant> attempts = failUntilDisabled(delivery(), endpoint());

        Duration previous = Duration.ZERO;
        for (int i = 1; i < attempts.size() - 1; i++) {
            Duration pause = Duration.between(attempts.get(i - 1), attempts.get(i));
            Duration ceiling = ceiling(i);
            assertTrue(pause.compareTo(ceiling.dividedBy(2)) >= 0 && pause.compareTo(ceiling) <= 0,
                    "pause " + i + " was " + pause + ", not between half and all of " + ceiling);
            if (ceiling.compareTo(config.maxBackoff()) < 0) {
                assertTrue(pause.compareTo(previous) >= 0, "pause " + i + " (" + pause + ") shorter than the last");
            }
            previous = pause;
        }
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320), Duration.ofSeconds(640),
                Duration.ofSeconds(1280), Duration.ofSeconds(2560), Duration.ofHours(1), Duration.ofHours(1)),
                List.of(ceiling(1), ceiling(2), ceiling(3), ceiling(4), ceiling(5), ceiling(6), ceiling(7), ceiling(8),
                        ceiling(9), ceiling(10), ceiling(40)));
        assertTrue(attempts.size() >= 24 + 9 && attempts.size() <= 48 + 10,
                "over 24 hours, nine growing pauses and then one every half to whole hour: " + attempts.size());
    }

    @Test
    void shouldStopAttemptingAndDisableTheEndpointWhenTheRetryWindowCloses() {
        WebhookDelivery delivery = delivery();
        WebhookEndpoint endpoint = endpoint();
        Instant windowCloses = FIRST_ATTEMPT.plus(config.retryWindow());

        List<Instant> attempts = failUntilDisabled(delivery, endpoint);

        assertEquals(windowCloses, attempts.get(attempts.size() - 1), "the last attempt is when the window closes");
        assertTrue(attempts.get(attempts.size() - 2).isBefore(windowCloses));
        assertEquals(DeliveryStatus.FAILED, delivery.status);
        assertEquals(attempts.size(), delivery.attempts);
        assertEquals(EndpointStatus.DISABLED, endpoint.status);
        assertEquals(windowCloses, endpoint.disabledAt);
        assertEquals(FIRST_ATTEMPT, endpoint.failingSince);
        assertTrue(endpoint.disabledReason.contains("answered HTTP 503"), endpoint.disabledReason);
        assertEquals(1, endpoint.disablements);
    }

    @Test
    void shouldDeliverOnAnAttemptJustBeforeTheWindowClosesWithoutDisablingTheEndpoint() {
        WebhookDelivery delivery = delivery();
        WebhookEndpoint endpoint = endpoint();
        Instant windowCloses = FIRST_ATTEMPT.plus(config.retryWindow());
        Instant now = FIRST_ATTEMPT;
        while (now.plus(config.maxBackoff()).isBefore(windowCloses)) {
            assertEquals(Optional.empty(), attempt(delivery, endpoint, UNAVAILABLE, now));
            now = delivery.nextAttemptAt;
        }

        assertEquals(Optional.empty(), attempt(delivery, endpoint, ACCEPTED, now));

        assertEquals(DeliveryStatus.DELIVERED, delivery.status);
        assertEquals(EndpointStatus.ACTIVE, endpoint.status);
        assertNull(endpoint.failingSince);
    }

    /** Attempts the delivery each time it falls due, failing, until its endpoint is disabled; returns when. */
    private List<Instant> failUntilDisabled(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        List<Instant> attempts = new ArrayList<>();
        Instant now = FIRST_ATTEMPT;
        while (true) {
            assertTrue(attempts.size() < 200, "still attempting after " + attempts.size() + " attempts");
            attempts.add(now);
            Optional<UUID> notice = attempt(delivery, endpoint, UNAVAILABLE, now);
            if (notice.isPresent()) {
                return attempts;
            }
            assertEquals(EndpointStatus.ACTIVE, endpoint.status, "disabled at " + now + ", before the window closed");
            assertTrue(delivery.nextAttemptAt.isAfter(now), "attempt " + attempts.size() + " not scheduled later");
            now = delivery.nextAttemptAt;
        }
    }

    private Optional<UUID> attempt(WebhookDelivery delivery, WebhookEndpoint endpoint, Outcome outcome, Instant now) {
        delivery.claim(now);
        return outcomes.settle(delivery, endpoint, outcome, now);
    }

    /** The longest pause after the {@code attempt}-th failure: the first retry, doubled, up to the longest backoff. */
    private Duration ceiling(int attempt) {
        Duration doubled = config.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 30));
        return doubled.compareTo(config.maxBackoff()) < 0 ? doubled : config.maxBackoff();
    }

    private WebhookDelivery delivery() {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = 1L;
        delivery.eventType = "com.publisherdesk.credit.approved.v1";
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = FIRST_ATTEMPT;
        delivery.expiresAt = FIRST_ATTEMPT.plus(config.retryWindow());
        return delivery;
    }

    private static WebhookEndpoint endpoint() {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.status = EndpointStatus.ACTIVE;
        return endpoint;
    }
}
