package com.publisherdesk.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.publisherdesk.kit.tracing.DeskSpans;
import com.publisherdesk.kit.tracing.Traced;
import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.kit.worker.BackgroundWorker.Next;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Moves outbox rows to Kafka in order, at least once: one relay per schema at a time (an advisory lock keyed by the
 * schema, so that the relays of different services never wait for each other), rows deleted in the same transaction
 * only after Kafka acknowledged them. Woken by commits, wake-ups a millisecond apart coalesced into one batch; polling
 * as a fallback; an instance that finds the lock taken looks again a few milliseconds later. Where tracing is on, each
 * event's send is a {@code publish} span, a child of the span that wrote the event, and the record's
 * {@code traceparent} names it (so the consumer's span is its child).
 */
@ApplicationScoped
public class OutboxRelay {

    /** How soon an instance that found another relaying this schema looks again. */
    private static final Duration LOCK_TAKEN_RETRY = Duration.ofMillis(20);

    /** What {@link #relayBatch()} returns when another instance holds this schema's relay lock. */
    static final int LOCK_TAKEN = -1;

    private final OutboxConfig config;
    private final RelayProducer producers;
    private final EntityManager entityManager;
    private final CloudEventHeaders headers;
    private final BackgroundWorker worker;
    private final DeskSpans spans;
    private volatile Instant failingSince;
    private volatile String lastFailure;

    public OutboxRelay(OutboxConfig config, RelayProducer producers, EntityManager entityManager,
            CloudEventHeaders headers, DeskSpans spans) {
        this.config = config;
        this.spans = spans;
        this.producers = producers;
        this.entityManager = entityManager;
        this.headers = headers;
        this.worker = new BackgroundWorker("outbox-relay", this::relayNoting, config.pollInterval(),
                config.maxBackoff(), config.coalesce());
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

    /** When the relay last finished a pass without failing (published, found nothing, or found another relaying). */
    public Instant lastPass() {
        return worker.lastPass();
    }

    /** Since when every attempt to publish has failed; empty while the relay publishes (or has nothing to). */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** The last reason an attempt failed, while the relay is failing. */
    public Optional<String> lastFailure() {
        return failingSince == null ? Optional.empty() : Optional.ofNullable(lastFailure);
    }

    /** Relays one batch, noting whether the attempt failed (for readiness); says when to look again. */
    private Next relayNoting() {
        try {
            int relayed = relayBatch();
            failingSince = null;
            if (relayed == LOCK_TAKEN) {
                return Next.after(LOCK_TAKEN_RETRY);
            }
            return relayed == config.batchSize() ? Next.MORE : Next.IDLE;
        } catch (RuntimeException e) {
            lastFailure = String.valueOf(e.getMessage());
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            throw e;
        }
    }

    /** Relays one batch in one transaction; returns how many events went out, or {@link #LOCK_TAKEN}. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery(
                    "select pg_try_advisory_xact_lock(hashtextextended('outbox-relay:' || current_schema(), 0))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return LOCK_TAKEN;
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
        List<Traced> published = new ArrayList<>(batch.size());
        try {
            for (OutboxEvent event : batch) {
                Traced publish = publishSpan(event);
                published.add(publish);
                acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.recordKey,
                        event.payload.getBytes(StandardCharsets.UTF_8),
                        headers.of(event, publish.traceparentOr(event.traceparent)))));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            published.forEach(publish -> publish.fail(e));
            throw e;
        } finally {
            published.forEach(Traced::close);
        }
    }

    /** The publish span of an event written in a trace (a dead letter keeps the headers it came with, and has none). */
    private Traced publishSpan(OutboxEvent event) {
        return event.traceparent == null ? Traced.NONE : spans.start("publish " + event.topic, SpanKind.PRODUCER,
                event.traceparent, Map.of(DeskSpans.SYSTEM, "kafka", DeskSpans.DESTINATION, event.topic));
    }
}
