package com.publisherdesk.intake;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A publisher's idempotency key, kept durably with the hash of the body it first came with. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    @Column(name = "publisher_id")
    public String publisherId;

    @Id
    public String key;

    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<IdempotencyKey> find(String publisherId, String key) {
        return findByIdOptional(new Key(publisherId, key));
    }

    /**
     * The composite key.
     *
     * @param publisherId the publisher
     * @param key         the key the publisher chose
     */
    public record Key(String publisherId, String key) implements Serializable {
    }
}
