package com.publisherdesk.notification.webhook.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A webhook endpoint to register.
 *
 * @param url         where events are posted: an https URL on a public address
 * @param eventTypes  the CloudEvents types to send, among those listed by {@code GET /v1/webhook-event-types}
 * @param description what it is for, in the administrator's words
 */
public record WebhookBody(
        @NotBlank @Size(max = 2048) String url,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 150) String> eventTypes,
        @Size(max = 200) String description) {
}
