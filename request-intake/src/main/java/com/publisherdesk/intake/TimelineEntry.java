package com.publisherdesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.publisherdesk.kit.persistence.PlainStatements;

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

    private static final String INSERT_INTO = "insert into timeline_entry (request_id, at, step, description, cause, "
            + "actor) ";
    private static final String INSERT = INSERT_INTO + "values (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IF_KNOWN = INSERT_INTO + "select ?, ?, ?, ?, ?, ? "
            + "where exists (select 1 from request where id = ?)";

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

    /**
     * Appends a step someone on the desk's staff took to a request's timeline, with one plain insert on the
     * transaction's connection, prepared once per connection: the desk writes several steps per request, and
     * persisting each as an entity with a generated key (an identity column, written at once) went through
     * Hibernate's identity insert, which also wrote every insert waiting before it. The step is not managed; its id
     * is the database's, and it orders steps of the same instant as they were recorded.
     * <p>
     * A new request's row is written by Hibernate when the transaction flushes, after this insert: the reference to
     * the request is checked at commit ({@code V8__timeline_request_checked_at_commit.sql}) rather than by flushing
     * the request here, which would dirty-check every entity of the transaction and write the request before it is
     * complete (a support request is routed after its first step). A step about a request that does not exist still
     * fails, at commit: for a request it does not hold (one an event names), the caller uses {@link #recordIfKnown}.
     */
    public static void record(UUID requestId, Instant at, String step, String description, String cause,
            String actor) {
        write(requestId, at, step, description, cause, actor, false);
    }

    /**
     * Appends a step to the timeline of a request that may not exist (one another service's event names), with one
     * plain insert as {@link #record} does; whether the request exists and the step was recorded.
     */
    public static boolean recordIfKnown(UUID requestId, Instant at, String step, String description, String cause,
            String actor) {
        return write(requestId, at, step, description, cause, actor, true) == 1;
    }

    private static int write(UUID requestId, Instant at, String step, String description, String cause,
            String actor, boolean ifKnown) {
        return ifKnown ? PlainStatements.update(getEntityManager(), INSERT_IF_KNOWN, requestId, at, step, description,
                cause, actor, requestId)
                : PlainStatements.update(getEntityManager(), INSERT, requestId, at, step, description, cause, actor);
    }

    /** A request's steps in the order they happened (and, at the same instant, were recorded). */
    public static List<TimelineEntry> of(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
