package com.publisherdesk.notification.webhook.api;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.publisherdesk.notification.webhook.WebhookDelivery;

/**
 * One event owed to an endpoint, and how its delivery went.
 *
 * @param id             its id
 * @param eventId        the event's {@code ce_id} (the {@code id} of the body posted)
 * @param eventType      the event's type
 * @param requestId      the request it is about
 * @param status         {@code pending}, {@code sending}, {@code delivered} or {@code failed} (given up)
 * @param attempts       how many attempts were made
 * @param lastStatusCode the endpoint's last answer, if it answered
 * @param lastError      how the last attempt failed, if it did
 * @param nextAttemptAt  when it is tried next, while pending
 * @param expiresAt      when its retry window closes
 * @param deliveredAt    when the endpoint accepted it
 * @param createdAt      when it was recorded
 */
public record DeliveryView(long id, UUID eventId, String eventType, UUID requestId, String status, int attempts,
        Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant expiresAt, Instant deliveredAt,
        Instant createdAt) {

    public static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.requestId,
                delivery.status.name().toLowerCase(Locale.ROOT), delivery.attempts, delivery.lastStatusCode,
                delivery.lastError, delivery.nextAttemptAt, delivery.expiresAt, delivery.deliveredAt,
                delivery.createdAt);
    }
}
