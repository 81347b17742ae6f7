package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Moves outbox rows to Kafka in order, at least once: one relay per schema at a time (an advisory lock), rows
 * deleted in the same transaction only after Kafka acknowledged them. Woken by each commit, polling as a fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private final OutboxConfig config;
    private final RelayProducer producers;
    private final EntityManager entityManager;
    private final CloudEventHeaders headers;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

    public OutboxRelay(OutboxConfig config, RelayProducer producers, EntityManager entityManager,
            CloudEventHeaders headers) {
        this.config = config;
        this.producers = producers;
        this.entityManager = entityManager;
        this.headers = headers;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the relay to look at the outbox now. */
    public void wake() {
        wakeUps.release();
    }

    /** Whether the relay thread is alive. */
    public boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int relayed = relayBatch();
                backoff = Duration.ofMillis(100);
                if (relayed < config.batchSize()) {
                    awaitWakeUp(config.pollInterval());
                }
            } catch (Exception e) {
                LOG.warnf("Outbox relay failed, retrying in %s: %s", backoff, e.getMessage());
                awaitWakeUp(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** Relays one batch in one transaction; returns how many events went out. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.oldest(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            OutboxEvent.removeUpTo(batch.get(batch.size() - 1).position);
            return batch.size();
        });
    }

    private void send(List<OutboxEvent> batch) throws Exception {
        Producer<String, byte[]> producer = producers.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            RecordHeaders recordHeaders = headers.of(event);
            acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.recordKey,
                    event.payload.getBytes(StandardCharsets.UTF_8), recordHeaders)));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
