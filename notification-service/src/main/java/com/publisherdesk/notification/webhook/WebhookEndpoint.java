package com.publisherdesk.notification.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An HTTPS endpoint a publisher's administrator registered for some event types of the publisher's requests. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String url;

    /** The event types sent, comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    /** The signing key; shown once, when the endpoint is registered. */
    @Column(nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EndpointStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** When the current run of failed attempts began; null after a success. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** How many times it was disabled: each time earns its administrators one email. */
    public int disablements;

    @Version
    public int version;

    /** The publisher's endpoints, oldest first. */
    public static List<WebhookEndpoint> ofPublisher(String publisherId) {
        return list("publisherId = ?1 order by createdAt, id", publisherId);
    }

    /** One of the publisher's endpoints; empty when it does not exist or is another publisher's. */
    public static Optional<WebhookEndpoint> ofPublisher(String publisherId, UUID id) {
        return find("publisherId = ?1 and id = ?2", publisherId, id).firstResultOptional();
    }

    /**
     * The publisher's active endpoints that asked for this event type. A plain statement, after pending changes to
     * endpoints are written: it runs for every event a webhook wants, and Hibernate translated the query anew each time.
     */
    public static List<WebhookEndpoint> activeFor(String publisherId, String eventType) {
        List<?> active = getEntityManager().createNativeQuery("select * from webhook_endpoint "
                + "where publisher_id = ?1 and status = ?2", WebhookEndpoint.class).unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(WebhookEndpoint.class).setParameter(1, publisherId)
                .setParameter(2, EndpointStatus.ACTIVE.name()).getResultList();
        return active.stream().map(WebhookEndpoint.class::cast).filter(endpoint -> endpoint.types()
                .contains(eventType)).toList();
    }

    public List<String> types() {
        return Arrays.asList(eventTypes.split(","));
    }

    public void noteSuccess() {
        failingSince = null;
    }

    public void noteFailure(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
    }

    /** Stops recording and sending events; returns the id of the notice its administrators are owed. */
    public UUID disable(Instant at, String reason) {
        status = EndpointStatus.DISABLED;
        disabledAt = at;
        disabledReason = reason;
        disablements++;
        return UUID.nameUUIDFromBytes(("webhook-disabled:" + id + ":" + disablements)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void enable() {
        status = EndpointStatus.ACTIVE;
        failingSince = null;
        disabledAt = null;
        disabledReason = null;
    }
}
