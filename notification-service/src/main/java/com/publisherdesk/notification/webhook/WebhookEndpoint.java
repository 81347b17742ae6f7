package com.publisherdesk.notification.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


import com.publisherdesk.kit.persistence.PlainStatements;

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

    private static final String ACTIVE_FOR = "select id from webhook_endpoint where publisher_id = ? "
            + "and status = 'ACTIVE' and ? = any(string_to_array(event_types, ',')) order by created_at, id";

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
     * The publisher's active endpoints that asked for this event type. It runs for every event the service applies,
     * and most publishers have none: which endpoints want the event is one plain statement (a native query through
     * Hibernate cost ten times the statement, for no rows), and only those are loaded. Endpoints change in
     * transactions of their own, never in the one applying an event, so nothing is pending to be written first.
     */
    public static List<WebhookEndpoint> activeFor(String publisherId, String eventType) {
        List<UUID> wanted = PlainStatements.query(getEntityManager(), ACTIVE_FOR, row -> row.getObject(1, UUID.class),
                publisherId, eventType);
        return wanted.isEmpty() ? List.of() : wanted.stream().map(id -> WebhookEndpoint.<WebhookEndpoint>findById(id))
                .toList();
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
