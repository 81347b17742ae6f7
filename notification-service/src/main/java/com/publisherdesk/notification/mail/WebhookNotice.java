package com.publisherdesk.notification.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * What an email about a disabled webhook endpoint says, kept with the email so that it can be sent even if the
 * endpoint is deleted meanwhile.
 *
 * @param webhookId   the endpoint
 * @param publisherId its publisher
 * @param url         where it pointed
 * @param disabledAt  when it was disabled
 * @param eventType   the event whose delivery was still failing when its retry window closed
 * @param lastError   how its last attempt failed
 * @param createdBy   the administrator who registered it, told when the publisher's recipients are not known
 */
public record WebhookNotice(UUID webhookId, String publisherId, String url, Instant disabledAt, String eventType,
        String lastError, String createdBy) {
}
