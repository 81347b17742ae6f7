package com.publisherdesk.notification.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.publisherdesk.notification.webhook.WebhookEndpoint;

/**
 * A registered webhook endpoint, without its secret (shown once, when it was registered).
 *
 * @param id             its id
 * @param url            where events are posted
 * @param eventTypes     the types sent
 * @param description    what it is for
 * @param status         {@code active} or {@code disabled}
 * @param createdAt      when it was registered
 * @param createdBy      the administrator who registered it
 * @param failingSince   when its current run of failed attempts began, if one is going on
 * @param disabledAt     when it was disabled, if it is
 * @param disabledReason why, if it is
 */
public record WebhookView(UUID id, String url, List<String> eventTypes, String description, String status,
        Instant createdAt, String createdBy, Instant failingSince, Instant disabledAt, String disabledReason) {

    public static WebhookView of(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.id, endpoint.url, endpoint.types(), endpoint.description,
                endpoint.status.name().toLowerCase(java.util.Locale.ROOT), endpoint.createdAt, endpoint.createdBy,
                endpoint.failingSince, endpoint.disabledAt, endpoint.disabledReason);
    }
}
