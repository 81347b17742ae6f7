package com.publisherdesk.notification.webhook.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts one signed delivery to its endpoint, after checking again where the endpoint's name leads. Redirects are not
 * followed; only a 2xx answer counts as delivered.
 */
@ApplicationScoped
public class WebhookSender {

    /** The event's {@code ce_id}, also the {@code id} of the body, for receivers that deduplicate before parsing. */
    public static final String EVENT_ID = "Desk-Event-Id";
    /** The delivery's number and attempt, for receivers' logs. */
    public static final String DELIVERY = "Desk-Delivery";

    private final HttpClient http;
    private final EndpointGuard guard;
    private final WebhookConfig config;

    public WebhookSender(EndpointGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends; never fails, the outcome says how it went. */
    public CompletableFuture<Outcome> send(Attempt attempt) {
        Optional<String> refused = guard.refusal(attempt.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(false, null, "refused: the URL " + refused.get()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url())).timeout(config.timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "PublisherDesk-Webhooks/1.0")
                .header(EVENT_ID, attempt.eventId())
                .header(DELIVERY, attempt.deliveryId() + "; attempt=" + attempt.attempt())
                .header(WebhookSignature.HEADER, WebhookSignature.header(attempt.secret(),
                        Instant.now().getEpochSecond(), attempt.body()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() / 100 == 2 ? new Outcome(true, response.statusCode(), null)
                        : new Outcome(false, response.statusCode(), "answered HTTP " + response.statusCode()))
                .exceptionally(failure -> new Outcome(false, null, describe(failure)));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])",
                "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /**
     * One attempt at a delivery.
     *
     * @param deliveryId the delivery
     * @param attempt    its attempt number, from 1
     * @param url        the endpoint
     * @param secret     the endpoint's signing key
     * @param eventId    the event's {@code ce_id}
     * @param body       the structured CloudEvent posted
     */
    public record Attempt(long deliveryId, int attempt, String url, String secret, String eventId, String body) {

        @Override
        public String toString() {
            return "Attempt[" + deliveryId + "#" + attempt + " to " + url + "]";
        }
    }

    /**
     * How an attempt went.
     *
     * @param delivered  whether the endpoint answered 2xx
     * @param statusCode its status, when it answered
     * @param error      what went wrong, if it did
     */
    public record Outcome(boolean delivered, Integer statusCode, String error) {
    }
}
