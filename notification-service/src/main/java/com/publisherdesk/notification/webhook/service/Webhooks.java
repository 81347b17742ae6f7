package com.publisherdesk.notification.webhook.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.publisherdesk.kit.input.PageCursor;
import com.publisherdesk.kit.problem.ProblemException;
import com.publisherdesk.notification.webhook.EndpointStatus;
import com.publisherdesk.notification.webhook.WebhookDelivery;
import com.publisherdesk.notification.webhook.WebhookEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** A publisher's webhook endpoints: registered, listed, deleted, enabled again, and their delivery logs. */
@ApplicationScoped
@Transactional
public class Webhooks {

    private final EndpointGuard guard;
    private final WebhookConfig config;
    private final WebhookDeliverer deliverer;
    private final TransactionSynchronizationRegistry transactions;

    public Webhooks(EndpointGuard guard, WebhookConfig config, WebhookDeliverer deliverer,
            TransactionSynchronizationRegistry transactions) {
        this.guard = guard;
        this.config = config;
        this.deliverer = deliverer;
        this.transactions = transactions;
    }

    /** Registers an endpoint with a new secret; 400 for a URL the desk will not call or a type it does not offer. */
    public WebhookEndpoint register(String publisherId, String url, List<String> eventTypes, String description,
            String administrator) {
        guard.refusal(url).ifPresent(reason -> {
            throw ProblemException.invalid("url", reason);
        });
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!WebhookEvents.OFFERED.contains(eventTypes.get(i))) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "must be one of " + WebhookEvents.OFFERED);
            }
        }
        if (WebhookEndpoint.count("publisherId", publisherId) >= config.maxEndpoints()) {
            throw new ProblemException(409, "too-many-webhooks", "Too many webhooks", "A publisher may register at "
                    + "most " + config.maxEndpoints() + " webhook endpoints; delete one first.");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.publisherId = publisherId;
        endpoint.url = url;
        endpoint.eventTypes = String.join(",", eventTypes.stream().distinct().toList());
        endpoint.description = description;
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.status = EndpointStatus.ACTIVE;
        endpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        endpoint.createdBy = administrator;
        endpoint.persist();
        return endpoint;
    }

    public List<WebhookEndpoint> list(String publisherId) {
        return WebhookEndpoint.ofPublisher(publisherId);
    }

    /** One of the publisher's endpoints; 404 for another publisher's. */
    public WebhookEndpoint get(String publisherId, UUID webhookId) {
        return WebhookEndpoint.ofPublisher(publisherId, webhookId)
                .orElseThrow(() -> ProblemException.notFound("Webhook " + webhookId));
    }

    /** Deletes an endpoint with its delivery log; what it was still owed is not sent. */
    public void delete(String publisherId, UUID webhookId) {
        get(publisherId, webhookId).delete();
    }

    /** Enables a disabled endpoint: new events are recorded for it again, and waiting deliveries resume in order. */
    public WebhookEndpoint enable(String publisherId, UUID webhookId) {
        WebhookEndpoint endpoint = get(publisherId, webhookId);
        endpoint.enable();
        deliverer.wakeAfterCommit(transactions);
        return endpoint;
    }

    /** A page of an endpoint's deliveries, newest first. */
    public DeliveryLog deliveries(String publisherId, UUID webhookId, int limit, String cursor) {
        get(publisherId, webhookId);
        Long before = cursor == null ? null : PageCursor.decode(cursor).longKey();
        List<WebhookDelivery> page = WebhookDelivery.page(webhookId, before, limit + 1);
        if (page.size() <= limit) {
            return new DeliveryLog(page, null);
        }
        WebhookDelivery last = page.get(limit - 1);
        return new DeliveryLog(page.subList(0, limit), PageCursor.of(last.createdAt, last.id).encode());
    }

    /** Sends a delivery again, now, with a new retry window (receivers deduplicate on its event id). */
    public WebhookDelivery redeliver(String publisherId, UUID webhookId, long deliveryId) {
        get(publisherId, webhookId);
        WebhookDelivery delivery = WebhookDelivery.of(webhookId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        delivery.redeliver(Instant.now().truncatedTo(ChronoUnit.MICROS), config.retryWindow());
        deliverer.wakeAfterCommit(transactions);
        return delivery;
    }

    /**
     * A page of a delivery log.
     *
     * @param deliveries the deliveries, newest first
     * @param next       the cursor of the next page, or null on the last
     */
    public record DeliveryLog(List<WebhookDelivery> deliveries, String next) {
    }
}
