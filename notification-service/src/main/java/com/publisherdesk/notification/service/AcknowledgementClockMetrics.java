package com.publisherdesk.notification.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.publisherdesk.kit.metrics.Sample;
import com.publisherdesk.kit.metrics.Samples;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The 24-hour clock as operators watch it: the requests still waiting for their acknowledgement within their window
 * (neither acknowledged nor already breached) and how long the oldest of them has waited, read at scrape time at most
 * once per {@code desk.metrics.refresh}. Breaches themselves are counted as they happen
 * ({@code desk_acknowledgement_deadlines_total{outcome="breached"}}).
 */
@ApplicationScoped
public class AcknowledgementClockMetrics {

    private static final String WAITING = "select count(*), extract(epoch from now() - min(submitted_at)) "
            + "from notified_request where acknowledged_at is null and breached_at is null";

    private final DataSource database;

    public AcknowledgementClockMetrics(DataSource database) {
        this.database = database;
    }

    void register(@Observes StartupEvent event, MeterRegistry metrics, Samples samples) {
        Sample<Waiting> waiting = samples.of(this::waiting);
        Gauge.builder("desk.acknowledgement.waiting", waiting, sample -> sample.number(Waiting::requests))
                .strongReference(true).description("Requests whose acknowledgement is owed and not yet late")
                .register(metrics);
        Gauge.builder("desk.acknowledgement.oldest.waiting.age", waiting,
                sample -> sample.number(Waiting::oldestAgeSeconds)).strongReference(true).baseUnit("seconds")
                .description("How long the oldest request still owed its acknowledgement has waited (0 when none)")
                .register(metrics);
    }

    private Waiting waiting() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(WAITING)) {
            row.next();
            return new Waiting(row.getLong(1), row.getDouble(2));
        } catch (SQLException e) {
            throw new IllegalStateException("The acknowledgement clocks could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The requests waiting for their acknowledgement at one moment.
     *
     * @param requests         how many
     * @param oldestAgeSeconds how long the oldest has waited since it was submitted
     */
    record Waiting(long requests, double oldestAgeSeconds) {
    }
}
