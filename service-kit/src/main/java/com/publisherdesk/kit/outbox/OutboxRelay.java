package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.publisherdesk.kit.worker.BackgroundWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Moves outbox rows to Kafka in order, at least once: one relay per schema at a time (an advisory lock), rows
 * deleted in the same transaction only after Kafka acknowledged them. Woken by each commit, polling as a fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private final OutboxConfig config;
    private final RelayProducer producers;
    private final EntityManager entityManager;
    private final CloudEventHeaders headers;
    private final BackgroundWorker worker;
    private volatile Instant failingSince;
    private volatile String lastFailure;

    public OutboxRelay(OutboxConfig config, RelayProducer producers, EntityManager entityManager,
            CloudEventHeaders headers) {
        this.config = config;
        this.producers = producers;
        this.entityManager = entityManager;
        this.headers = headers;
        this.worker = new BackgroundWorker("outbox-relay", () -> relayNoting() == config.batchSize(),
                config.pollInterval(), config.maxBackoff());
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Wakes the relay once the current transaction commits. */
    void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        worker.wakeAfterCommit(transactions);
    }

    /** Whether the relay thread is alive. */
    public boolean isRunning() {
        return worker.isAlive();
    }

    /** Since when every attempt to publish has failed; empty while the relay publishes (or has nothing to). */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** The last reason an attempt failed, while the relay is failing. */
    public Optional<String> lastFailure() {
        return failingSince == null ? Optional.empty() : Optional.ofNullable(lastFailure);
    }

    /** Relays one batch, noting whether the attempt failed (for readiness). */
    private int relayNoting() {
        try {
            int relayed = relayBatch();
            failingSince = null;
            return relayed;
        } catch (RuntimeException e) {
            lastFailure = String.valueOf(e.getMessage());
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            throw e;
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
            OutboxEvent.removeRelayed(batch);
            return batch.size();
        });
    }

    private void send(List<OutboxEvent> batch) throws Exception {
        Producer<String, byte[]> producer = producers.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.recordKey,
                    event.payload.getBytes(StandardCharsets.UTF_8), headers.of(event))));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
