package com.publisherdesk.kit.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * One reading of something costly to look at (a query, a call to Kafka), taken again only once it is older than its
 * refresh interval. A reading that fails is empty (a gauge then shows no value rather than a stale one).
 *
 * @param <T> what is read
 */
public final class Sample<T> {

    private static final Logger LOG = Logger.getLogger(Sample.class);

    private final Supplier<T> source;
    private final long refreshNanos;
    private final Duration wait;
    private final Executor executor;
    private volatile T value;
    private volatile long takenAt;
    private CompletableFuture<Void> reading;

    Sample(Supplier<T> source, Duration refresh, Duration wait, Executor executor) {
        this.source = source;
        this.refreshNanos = refresh.toNanos();
        this.wait = wait;
        this.executor = executor;
        this.takenAt = System.nanoTime() - refreshNanos;
    }

    /** The latest reading, taken now if the last one is stale (waiting a moment for it); null when none succeeded. */
    public T get() {
        CompletableFuture<Void> current;
        synchronized (this) {
            if (System.nanoTime() - takenAt < refreshNanos) {
                return value;
            }
            if (reading == null) {
                reading = CompletableFuture.runAsync(this::take, executor);
            }
            current = reading;
        }
        try {
            current.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debugf("A metric reading is late or failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    /** One number of the latest reading, NaN when there is none: what a gauge shows. */
    public double number(Function<T, ? extends Number> part) {
        T reading = get();
        Number number = reading == null ? null : part.apply(reading);
        return number == null ? Double.NaN : number.doubleValue();
    }

    private void take() {
        T taken;
        try {
            taken = source.get();
        } catch (RuntimeException e) {
            LOG.debugf("A metric could not be read: %s", e.getMessage());
            taken = null;
        }
        synchronized (this) {
            value = taken;
            takenAt = System.nanoTime();
            reading = null;
        }
    }
}
