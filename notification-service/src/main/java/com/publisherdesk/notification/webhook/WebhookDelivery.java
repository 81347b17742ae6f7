package com.publisherdesk.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One event owed to one endpoint: recorded with the event, sent at least once, in order among its request's. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /**
     * Due deliveries of active endpoints, locked for this sender: pending and due (or claimed by a sender presumed
     * dead), about a request the desk has received, and with no earlier delivery of that request to that endpoint
     * still waiting, so that a request's events arrive in the order they occurred.
     */
    private static final String DUE = """
            select d.* from webhook_delivery d
            join webhook_endpoint e on e.id = d.endpoint_id and e.status = 'ACTIVE'
            where (d.status = 'PENDING' and d.next_attempt_at <= ?1 or d.status = 'SENDING' and d.claimed_at < ?2)
              and exists (select 1 from notified_request r where r.request_id = d.request_id)
              and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id
                  and p.request_id = d.request_id and p.status in ('PENDING', 'SENDING')
                  and (p.occurred_at < d.occurred_at or p.occurred_at = d.occurred_at and p.id < d.id))
            order by d.id limit ?3
            for update of d skip locked""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    /** The event's {@code ce_id}: receivers deduplicate on it. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** What is posted: the event as a structured CloudEvent (JSON), signed anew at each attempt. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** When its retry window closes: a delivery still failing then is given up and its endpoint disabled. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    /** Records an event owed to an endpoint, unless it already is. */
    public static void owe(WebhookEndpoint endpoint, UUID eventId, String eventType, UUID requestId,
            Instant occurredAt, String body, Instant now, Duration window) {
        if (count("endpointId = ?1 and eventId = ?2", endpoint.id, eventId) > 0) {
            return;
        }
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.endpointId = endpoint.id;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.requestId = requestId;
        delivery.occurredAt = occurredAt;
        delivery.body = body;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.expiresAt = now.plus(window);
        delivery.createdAt = now;
        delivery.persist();
    }

    /** Claims due deliveries (see {@link #DUE}); a claim older than {@code claimTimeout} is taken over. */
    @SuppressWarnings("unchecked")
    public static List<WebhookDelivery> claimDue(int limit, Instant now, Duration claimTimeout) {
        return getEntityManager().createNativeQuery(DUE, WebhookDelivery.class).setParameter(1, now)
                .setParameter(2, now.minus(claimTimeout)).setParameter(3, limit).getResultList();
    }

    /** A page of an endpoint's deliveries, newest first, after the delivery {@code before} if given. */
    public static List<WebhookDelivery> page(UUID endpointId, Long before, int limit) {
        return (before == null ? find("endpointId", Sort.descending("id"), endpointId)
                : find("endpointId = ?1 and id < ?2", Sort.descending("id"), endpointId, before))
                .page(0, limit).list();
    }

    public static java.util.Optional<WebhookDelivery> of(UUID endpointId, long id) {
        return find("endpointId = ?1 and id = ?2", endpointId, id).firstResultOptional();
    }

    public void claim(Instant now) {
        status = DeliveryStatus.SENDING;
        claimedAt = now;
        attempts++;
    }

    public void noteDelivered(Instant at, int statusCode) {
        status = DeliveryStatus.DELIVERED;
        deliveredAt = at;
        lastStatusCode = statusCode;
        lastError = null;
        claimedAt = null;
    }

    /** Schedules the next attempt after {@code delay}, at the latest when the window closes; false when it closed. */
    public boolean noteFailure(Instant now, Integer statusCode, String error, Duration delay) {
        lastStatusCode = statusCode;
        lastError = error;
        claimedAt = null;
        if (!now.isBefore(expiresAt)) {
            status = DeliveryStatus.FAILED;
            return false;
        }
        status = DeliveryStatus.PENDING;
        Instant next = now.plus(delay);
        nextAttemptAt = next.isAfter(expiresAt) ? expiresAt : next;
        return true;
    }

    /** Sends it again now (a delivered one too: receivers deduplicate on the event id), with a new window. */
    public void redeliver(Instant now, Duration window) {
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        expiresAt = now.plus(window);
        claimedAt = null;
    }
}
