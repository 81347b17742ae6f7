package com.publisherdesk.notification.webhook.api;

import com.publisherdesk.notification.webhook.WebhookEndpoint;

/**
 * A webhook endpoint just registered, with its signing secret: shown this once, never again.
 *
 * @param webhook the endpoint
 * @param secret  the key of the HMAC-SHA256 in each delivery's {@code Desk-Signature} header
 */
public record WebhookCreated(WebhookView webhook, String secret) {

    public static WebhookCreated of(WebhookEndpoint endpoint) {
        return new WebhookCreated(WebhookView.of(endpoint), endpoint.secret);
    }
}
