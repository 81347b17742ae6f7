package com.publisherdesk.billing.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.billing.service.CreditDecisions;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands submitted credit requests, authorizations and subscription verdicts to {@link CreditDecisions}, each exactly
 * once.
 */
@ApplicationScoped
public class CreditEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers requests;
    private final EventHandlers verdicts;

    CreditEventsConsumer(Inbox inbox, CreditDecisions decisions) {
        this.inbox = inbox;
        this.requests = EventHandlers.on(Events.REQUEST_SUBMITTED, decisions::onRequestSubmitted)
                .and(Events.CREDIT_AUTHORIZED, decisions::onAuthorized);
        this.verdicts = EventHandlers.on(Events.SUBSCRIPTION_CONFIRMED, decisions::onConfirmed)
                .and(Events.SUBSCRIPTION_NOT_CONFIRMED, decisions::onNotConfirmed);
    }

    @Incoming("requests")
    @Blocking
    public void onRequests(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, requests);
    }

    @Incoming("request-validations")
    @Blocking
    public void onVerdicts(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, verdicts);
    }
}
