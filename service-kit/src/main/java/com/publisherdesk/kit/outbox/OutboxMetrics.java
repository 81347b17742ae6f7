package com.publisherdesk.kit.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.publisherdesk.kit.metrics.Sample;
import com.publisherdesk.kit.metrics.Samples;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The outbox as operators watch it: the events waiting to be relayed and the oldest one's age (both grow while Kafka
 * is away), read at scrape time at most once per {@code desk.metrics.refresh}; and how long ago the relay finished a
 * pass (it passes every poll interval when idle, so an age of more than a few seconds means it is failing or stuck).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final String BACKLOG = "select count(*), extract(epoch from now() - min(occurred_at)) "
            + "from outbox_event";

    private final DataSource database;

    public OutboxMetrics(DataSource database) {
        this.database = database;
    }

    void register(@Observes StartupEvent event, MeterRegistry metrics, Samples samples, OutboxRelay relay) {
        Sample<Backlog> backlog = samples.of(this::backlog);
        Gauge.builder("desk.outbox.backlog", backlog, sample -> sample.number(Backlog::events))
                .strongReference(true).description("Events in the outbox, waiting to be relayed to Kafka").register(metrics);
        Gauge.builder("desk.outbox.oldest.age", backlog, sample -> sample.number(Backlog::oldestAgeSeconds))
                .strongReference(true).baseUnit("seconds").description("How long the oldest event in the outbox has waited (0 when empty)")
                .register(metrics);
        Gauge.builder("desk.worker.last.pass.age", relay, OutboxMetrics::secondsSinceLastPass)
                .tag("worker", "outbox-relay").baseUnit("seconds")
                .description("How long ago a background worker last finished a pass without failing")
                .register(metrics);
    }

    private static double secondsSinceLastPass(OutboxRelay relay) {
        return Duration.between(relay.lastPass(), Instant.now()).toMillis() / 1000.0;
    }

    private Backlog backlog() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(BACKLOG)) {
            row.next();
            return new Backlog(row.getLong(1), row.getDouble(2));
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The outbox at one moment.
     *
     * @param events           the events waiting
     * @param oldestAgeSeconds the oldest one's age, 0 when there is none
     */
    record Backlog(long events, double oldestAgeSeconds) {
    }
}
