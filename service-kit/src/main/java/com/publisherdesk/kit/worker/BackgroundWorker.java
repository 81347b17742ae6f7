package com.publisherdesk.kit.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A single background thread that does batches of work, woken by the commits that create work and polling as a
 * fallback; a failed batch is retried with a doubling pause. Wake-ups that arrive close together are coalesced into
 * one batch.
 */
public final class BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(BackgroundWorker.class);

    private final String name;
    private final Step step;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Duration coalesce;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastPass = Instant.now();

    /**
     * Describes a worker without starting it.
     *
     * @param name         the thread's name
     * @param batch        one batch of work; returns true when more work is likely waiting
     * @param pollInterval how long to wait for a wake-up before looking anyway
     * @param maxBackoff   the longest pause after failures
     */
    public BackgroundWorker(String name, Batch batch, Duration pollInterval, Duration maxBackoff) {
        this(name, () -> batch.run() ? Next.MORE : Next.IDLE, pollInterval, maxBackoff, Duration.ZERO);
    }

    /**
     * Describes a worker without starting it.
     *
     * @param name         the thread's name
     * @param step         one batch of work; says when to run the next
     * @param pollInterval how long to wait for a wake-up before looking anyway
     * @param maxBackoff   the longest pause after failures
     * @param coalesce     how long to wait after a wake-up for the wake-ups of commits close behind it
     */
    public BackgroundWorker(String name, Step step, Duration pollInterval, Duration maxBackoff, Duration coalesce) {
        this.name = name;
        this.step = step;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.coalesce = coalesce;
    }

    /** One batch of work. */
    @FunctionalInterface
    public interface Batch {

        /** Does some work; returns true when more is likely waiting. */
        boolean run() throws Exception;
    }

    /** One batch of work that says when the next should run. */
    @FunctionalInterface
    public interface Step {

        /** Does some work; returns when to look again. */
        Next run() throws Exception;
    }

    /**
     * When the next batch runs: at once, after a short pause (another instance holds the work), or on a wake-up.
     *
     * @param pause how long to wait; null to wait for a wake-up (or the poll interval)
     */
    public record Next(Duration pause) {

        /** More work is waiting: the next batch runs at once. */
        public static final Next MORE = new Next(Duration.ZERO);
        /** Nothing is waiting: the next batch runs on a wake-up, or after the poll interval. */
        public static final Next IDLE = new Next(null);

        /** The next batch runs after {@code pause}, or sooner on a wake-up. */
        public static Next after(Duration pause) {
            return new Next(pause);
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        lastPass = Instant.now();
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the worker, waiting up to ten seconds for the batch in progress. */
    public void stop() {
        running = false;
        wake();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the worker to look for work now. */
    public void wake() {
        wakeUps.release();
    }

    /** Wakes the worker once the current transaction commits. */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    public boolean isAlive() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    /**
     * When the last batch finished without failing (or the worker started, before its first): a worker whose last
     * pass grows old while work waits is wedged.
     */
    public Instant lastPass() {
        return lastPass;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                Next next = step.run();
                lastPass = Instant.now();
                backoff = Duration.ofMillis(100);
                if (next.pause() == null) {
                    if (awaitWakeUp(pollInterval) && !coalesce.isZero()) {
                        LockSupport.parkNanos(coalesce.toNanos());
                        wakeUps.drainPermits();
                    }
                } else if (!next.pause().isZero()) {
                    awaitWakeUp(next.pause());
                }
            } catch (Exception e) {
                LOG.warnf("%s failed, retrying in %s: %s", name, backoff, e.getMessage());
                awaitWakeUp(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) < 0 ? backoff.multipliedBy(2) : maxBackoff;
            }
        }
    }

    /** Waits for a wake-up or the timeout; returns whether a wake-up came. */
    private boolean awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                wakeUps.drainPermits();
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return false;
    }
}
