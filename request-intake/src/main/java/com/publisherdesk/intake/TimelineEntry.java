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

/** One step in a request's history, with its time and cause. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String step;

    @Column(nullable = false)
    public String description;

    public String cause;

    /** Who acted (a support agent's address), for the desk's staff; never shown to the publisher. */
    public String actor;

    /** Appends a step to a request's timeline. */
    public static void record(UUID requestId, Instant at, String step, String description, String cause) {
        record(requestId, at, step, description, cause, null);
    }

    /** Appends a step someone on the desk's staff took to a request's timeline. */
    public static void record(UUID requestId, Instant at, String step, String description, String cause,
            String actor) {
        TimelineEntry entry = new TimelineEntry();
        entry.requestId = requestId;
        entry.at = at;
        entry.step = step;
        entry.description = description;
        entry.cause = cause;
        entry.actor = actor;
        entry.persist();
    }

    public static List<TimelineEntry> of(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
