package com.publisherdesk.notification.webhook.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.inbox.IncomingEvent;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.webhook.WebhookDelivery;
import com.publisherdesk.notification.webhook.WebhookEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records, in the transaction that applies an event, one delivery for each active endpoint of the publisher whose
 * request the event is about and that asked for its type. The publisher is the one the event names, or the one that
 * filed the request: never another.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class WebhookFanOut {

    private final WebhookConfig config;
    private final WebhookDeliverer deliverer;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookFanOut(WebhookConfig config, WebhookDeliverer deliverer,
            TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.deliverer = deliverer;
        this.transactions = transactions;
    }

    /**
     * Whether an active endpoint of the publisher whose request this is asked for this type: the desk's own email and
     * clock events are taken in only then, so that a publisher without webhooks costs nothing.
     */
    @Transactional(TxType.REQUIRED)
    public boolean isWanted(String type, String requestId) {
        Optional<UUID> id = requestId(requestId);
        if (type == null || !WebhookEvents.OFFERED.contains(type) || id.isEmpty()) {
            return false;
        }
        Number wanting = (Number) WebhookEndpoint.getEntityManager().createNativeQuery("select count(*) from "
                + "webhook_endpoint e join notified_request r on r.publisher_id = e.publisher_id where "
                + "r.request_id = ?1 and e.status = 'ACTIVE' and (',' || e.event_types || ',') like ?2")
                .setParameter(1, id.get()).setParameter(2, "%," + type + ",%").getSingleResult();
        return wanting.longValue() > 0;
    }

    public void record(IncomingEvent event) {
        Optional<UUID> requestId = requestId(event.subject());
        if (!WebhookEvents.OFFERED.contains(event.type()) || requestId.isEmpty()) {
            return;
        }
        JsonNode data = read(event.body());
        Optional<String> publisherId = publisherOf(data, requestId.get());
        List<WebhookEndpoint> endpoints = publisherId.map(id -> WebhookEndpoint.activeFor(id, event.type()))
                .orElse(List.of());
        if (endpoints.isEmpty()) {
            return;
        }
        String body = cloudEvent(event, data);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        endpoints.forEach(endpoint -> WebhookDelivery.owe(endpoint, event.id(), event.type(), requestId.get(),
                event.time(), body, now, config.retryWindow()));
        deliverer.wakeAfterCommit(transactions);
    }

    /** The publisher the event names, or else the one that filed the request (for the desk's email events). */
    private static Optional<String> publisherOf(JsonNode data, UUID requestId) {
        JsonNode named = data.path("publisherId");
        if (named.isTextual() && !named.asText().isBlank()) {
            return Optional.of(named.asText());
        }
        return NotifiedRequest.byId(requestId).map(request -> request.publisherId);
    }

    /** The event as a structured CloudEvent, its data exactly as the desk published it (fields added later too). */
    private static String cloudEvent(IncomingEvent event, JsonNode data) {
        ObjectNode cloudEvent = EventJson.mapper().createObjectNode().put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("source", event.source() != null ? event.source() : "/publisher-desk")
                .put("type", event.type()).put("subject", event.subject()).put("time", event.time().toString())
                .put("datacontenttype", "application/json");
        Events.byName(event.type()).ifPresent(type -> cloudEvent.put("dataschema", type.dataSchema().toString()));
        cloudEvent.set("data", data);
        try {
            return EventJson.mapper().writeValueAsString(cloudEvent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable event body", e);
        }
    }

    private static Optional<UUID> requestId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
