package com.publisherdesk.kit.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A single background thread that does batches of work, woken by the commits that create work and polling as a
 * fallback; a failed batch is retried with a doubling pause.
 */
public final class BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(BackgroundWorker.class);

    private final String name;
    private final Batch batch;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * Describes a worker without starting it.
     *
     * @param name         the thread's name
     * @param batch        one batch of work; returns true when more work is likely waiting
     * @param pollInterval how long to wait for a wake-up before looking anyway
     * @param maxBackoff   the longest pause after failures
     */
    public BackgroundWorker(String name, Batch batch, Duration pollInterval, Duration maxBackoff) {
        this.name = name;
        this.batch = batch;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
    }

    /** One batch of work. */
    @FunctionalInterface
    public interface Batch {

        /** Does some work; returns true when more is likely waiting. */
        boolean run() throws Exception;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
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

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                boolean more = batch.run();
                backoff = Duration.ofMillis(100);
                if (!more) {
                    awaitWakeUp(pollInterval);
                }
            } catch (Exception e) {
                LOG.warnf("%s failed, retrying in %s: %s", name, backoff, e.getMessage());
                awaitWakeUp(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) < 0 ? backoff.multipliedBy(2) : maxBackoff;
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
