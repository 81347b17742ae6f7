package com.publisherdesk.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;
import com.publisherdesk.notification.service.Notifications;
import com.publisherdesk.notification.webhook.service.WebhookEvents;
import com.publisherdesk.notification.webhook.service.WebhookFanOut;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands submitted requests, verdicts and decisions to {@link Notifications}, each exactly once, and in the same
 * transaction those its publisher's webhooks may be sent to {@link WebhookFanOut}.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers requests;
    private final EventHandlers decisions;
    private final EventHandlers verdicts;

    NotificationEventsConsumer(Inbox inbox, Notifications notifications, WebhookFanOut webhooks) {
        this.inbox = inbox;
        this.requests = EventHandlers.on(Events.REQUEST_SUBMITTED, notifications::onRequestSubmitted)
                .andAsReceived(WebhookEvents.ON_REQUESTS, webhooks::record);
        this.decisions = EventHandlers.on(Events.CREDIT_APPROVED, notifications::onApproved)
                .and(Events.CREDIT_AWAITING_AUTHORIZATION, notifications::onAwaitingAuthorization)
                .and(Events.CREDIT_DENIED, notifications::onDenied)
                .and(Events.CREDIT_REVIEW_REQUIRED, notifications::onReviewRequired)
                .andAsReceived(WebhookEvents.ON_CREDIT_DECISIONS, webhooks::record);
        this.verdicts = EventHandlers.on(Events.SUBSCRIPTION_CONFIRMED, notifications::onConfirmed)
                .and(Events.SUBSCRIPTION_NOT_CONFIRMED, notifications::onNotConfirmed);
    }

    @Incoming("request-validations")
    @Blocking
    public void onVerdicts(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, verdicts);
    }

    @Incoming("requests")
    @Blocking
    public void onRequests(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, requests);
    }

    @Incoming("credit-decisions")
    @Blocking
    public void onDecisions(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, decisions);
    }
}
