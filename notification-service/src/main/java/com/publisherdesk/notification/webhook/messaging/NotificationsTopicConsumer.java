package com.publisherdesk.notification.webhook.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;
import com.publisherdesk.kit.outbox.CloudEventHeaders;
import com.publisherdesk.notification.webhook.service.WebhookEvents;
import com.publisherdesk.notification.webhook.service.WebhookFanOut;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands the desk's own email and clock events to {@link WebhookFanOut}, each exactly once, when a webhook of the
 * request's publisher wants them; the others are left alone.
 */
@ApplicationScoped
public class NotificationsTopicConsumer {

    private final Inbox inbox;
    private final WebhookFanOut webhooks;
    private final EventHandlers handlers;

    NotificationsTopicConsumer(Inbox inbox, WebhookFanOut webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.handlers = EventHandlers.asReceived(WebhookEvents.ON_NOTIFICATIONS, webhooks::record);
    }

    @Incoming("notifications")
    @Blocking
    public void onNotification(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type != null && webhooks.isWanted(new String(type.value(), StandardCharsets.UTF_8), record.key())) {
            inbox.accept(record, handlers);
        }
    }
}
