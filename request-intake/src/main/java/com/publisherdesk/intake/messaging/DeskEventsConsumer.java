package com.publisherdesk.intake.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.intake.service.RequestProgress;
import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands the other services' events about requests to {@link RequestProgress}, each exactly once. */
@ApplicationScoped
public class DeskEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers validations;
    private final EventHandlers decisions;
    private final EventHandlers notifications;

    DeskEventsConsumer(Inbox inbox, RequestProgress progress) {
        this.inbox = inbox;
        this.validations = EventHandlers.on(Events.SUBSCRIPTION_CONFIRMED, progress::confirmed)
                .and(Events.SUBSCRIPTION_NOT_CONFIRMED, progress::notConfirmed);
        this.decisions = EventHandlers.on(Events.CREDIT_APPROVED, progress::approved)
                .and(Events.CREDIT_AWAITING_AUTHORIZATION, progress::awaitingAuthorization)
                .and(Events.CREDIT_DENIED, progress::denied)
                .and(Events.CREDIT_REVIEW_REQUIRED, progress::reviewRequired);
        this.notifications = EventHandlers.on(Events.ACKNOWLEDGEMENT_SENT, progress::acknowledged)
                .and(Events.RESULT_SENT, progress::resultSent)
                .and(Events.EMAIL_FAILED, progress::emailFailed)
                .and(Events.ACKNOWLEDGEMENT_DEADLINE_WARNING, progress::deadlineWarning)
                .and(Events.ACKNOWLEDGEMENT_DEADLINE_BREACHED, progress::deadlineBreached);
    }

    @Incoming("request-validations")
    @Blocking
    public void onValidations(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, validations);
    }

    @Incoming("credit-decisions")
    @Blocking
    public void onDecisions(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, decisions);
    }

    @Incoming("notifications")
    @Blocking
    public void onNotifications(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, notifications);
    }
}
