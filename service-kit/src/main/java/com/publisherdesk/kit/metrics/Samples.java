package com.publisherdesk.kit.metrics;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Where gauges that query the database or Kafka take their values: each query runs on one background thread of its
 * own, at most once per {@code desk.metrics.refresh}, when a scrape asks for it; a scrape waits for it a moment and
 * otherwise reads the last value. Nothing runs in a request's or a consumer's path.
 */
@ApplicationScoped
public class Samples {

    private final Duration refresh;
    private final Duration wait;
    private final ExecutorService sampler = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "desk-metrics");
        thread.setDaemon(true);
        return thread;
    });

    public Samples(@ConfigProperty(name = "desk.metrics.refresh", defaultValue = "5s") Duration refresh,
            @ConfigProperty(name = "desk.metrics.wait", defaultValue = "1s") Duration wait) {
        this.refresh = refresh;
        this.wait = wait;
    }

    /** A value read from {@code source} when a scrape finds the last reading older than the refresh interval. */
    public <T> Sample<T> of(Supplier<T> source) {
        return new Sample<>(source, refresh, wait, sampler);
    }

    void stop(@Observes ShutdownEvent event) {
        sampler.shutdownNow();
    }
}
