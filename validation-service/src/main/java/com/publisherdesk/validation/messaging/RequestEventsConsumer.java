package com.publisherdesk.validation.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.inbox.EventHandlers;
import com.publisherdesk.kit.inbox.Inbox;
import com.publisherdesk.validation.service.OwnershipChecks;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands submitted requests to {@link OwnershipChecks}, each exactly once. */
@ApplicationScoped
public class RequestEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    RequestEventsConsumer(Inbox inbox, OwnershipChecks checks) {
        this.inbox = inbox;
        this.handlers = EventHandlers.on(Events.REQUEST_SUBMITTED, checks::onRequestSubmitted);
    }

    @Incoming("requests")
    @Blocking
    public void onRequests(ConsumerRecords<String, String> records) {
        inbox.acceptAll(records, handlers);
    }
}
