package com.publisherdesk.notification.webhook.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;
import com.publisherdesk.notification.webhook.service.WebhookEvents;
import com.publisherdesk.notification.webhook.service.WebhookFanOut;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands the desk's own email and clock events to {@link WebhookFanOut}, each exactly once. */
@ApplicationScoped
public class NotificationsTopicConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    NotificationsTopicConsumer(Inbox inbox, WebhookFanOut webhooks) {
        this.inbox = inbox;
        this.handlers = EventHandlers.asReceived(WebhookEvents.ON_NOTIFICATIONS, webhooks::record);
    }

    @Incoming("notifications")
    @Blocking
    public void onNotification(ConsumerRecord<String, String> record) {
        inbox.accept(record, handlers);
    }
}
