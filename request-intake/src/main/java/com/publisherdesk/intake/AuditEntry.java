package com.publisherdesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to a publisher's account on its audit trail: what changed, from what to what, by whom and when. */
@Entity
@Table(name = "account_audit")
public class AuditEntry extends PanacheEntityBase {

    /** What an entry about an administrator added (new value) or removed (old value) names as changed. */
    public static final String ADMINISTRATOR = "administrator";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_email", nullable = false)
    public String actorEmail;

    /** A profile field's name, or {@link #ADMINISTRATOR}. */
    @Column(nullable = false)
    public String what;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    /** The desk request the change was filed as. */
    @Column(name = "request_id")
    public UUID requestId;

    /** Why the change deserves a second look, when it does. */
    public String warning;

    /** Appends a change to a publisher's audit trail. */
    public static AuditEntry record(String publisherId, Instant at, String actorEmail, String what, String oldValue,
            String newValue, UUID requestId) {
        AuditEntry entry = new AuditEntry();
        entry.publisherId = publisherId;
        entry.at = at;
        entry.actorEmail = actorEmail;
        entry.what = what;
        entry.oldValue = oldValue;
        entry.newValue = newValue;
        entry.requestId = requestId;
        entry.persist();
        return entry;
    }

    /** Up to {@code limit} entries of a publisher, newest first, after the position (at, id) when one is given. */
    public static List<AuditEntry> page(String publisherId, Instant afterAt, Long afterId, int limit) {
        if (afterAt == null) {
            return find("publisherId = ?1 order by at desc, id desc", publisherId).page(0, limit).list();
        }
        return find("publisherId = ?1 and (at < ?2 or (at = ?2 and id < ?3)) order by at desc, id desc",
                publisherId, afterAt, afterId).page(0, limit).list();
    }
}
