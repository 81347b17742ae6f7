package com.publisherdesk.notification.webhook.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;
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
    public void onNotifications(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> wanted = inbox.readRetrying(() -> webhooks.wanted(records));
        if (!wanted.isEmpty()) {
            inbox.acceptAll(wanted, handlers);
        }
    }
}
