package com.publisherdesk.notification.webhook.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.inbox.IncomingEvent;
import com.publisherdesk.kit.outbox.CloudEventHeaders;
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
     * The records of a poll that a webhook wants: those whose request's publisher has an active endpoint asking for
     * their type, found with one query. The desk's own email and clock events are taken in only then, so that a
     * publisher without webhooks costs nothing.
     */
    @Transactional(TxType.REQUIRED)
    public List<ConsumerRecord<String, String>> wanted(Iterable<ConsumerRecord<String, String>> records) {
        Map<UUID, List<ConsumerRecord<String, String>>> offered = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = type(record);
            Optional<UUID> id = requestId(record.key());
            if (type != null && WebhookEvents.OFFERED.contains(type) && id.isPresent()) {
                offered.computeIfAbsent(id.get(), key -> new ArrayList<>()).add(record);
            }
        }
        if (offered.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<String>> wantedTypes = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = WebhookEndpoint.getEntityManager().createNativeQuery("select r.request_id, "
                + "e.event_types from webhook_endpoint e join notified_request r on r.publisher_id = e.publisher_id "
                + "where r.request_id = any(cast(?1 as uuid[])) and e.status = 'ACTIVE'")
                .setParameter(1, offered.keySet().stream().map(UUID::toString).collect(Collectors.joining(",", "{",
                        "}")))
                .getResultList();
        for (Object[] row : rows) {
            wantedTypes.computeIfAbsent((UUID) row[0], key -> new HashSet<>())
                    .addAll(Arrays.asList(((String) row[1]).split(",")));
        }
        List<ConsumerRecord<String, String>> wanted = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<UUID> id = requestId(record.key());
            if (id.isPresent() && offered.containsKey(id.get())
                    && wantedTypes.getOrDefault(id.get(), Set.of()).contains(type(record))) {
                wanted.add(record);
            }
        }
        return wanted;
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return type == null || type.value() == null ? null : new String(type.value(), StandardCharsets.UTF_8);
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
