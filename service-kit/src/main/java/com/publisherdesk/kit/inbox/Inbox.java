package com.publisherdesk.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.kit.inbox.EventHandlers.Handler;
import com.publisherdesk.kit.logging.LogContext;
import com.publisherdesk.kit.outbox.CloudEventHeaders;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.tracing.DeskSpans;
import com.publisherdesk.kit.tracing.Traced;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies incoming events exactly once, a poll's worth at a time: the batch's event ids are recorded with one
 * statement in the transaction of the handlers' effects, and records are applied in the order they arrived (so the
 * events of one request, which share a partition, keep their order). Transient failures (the database away, a lost
 * race, a deadlock) are retried in place. A record that fails otherwise is found by halving the batch; it goes to
 * the service's dead-letter topic alone, through the outbox, and the rest of the batch is applied once. Each
 * record's writes are flushed before the next record is applied. A poll of more than
 * {@code desk.inbox.max-records-per-transaction} records is applied in several transactions of at most that many, one
 * after the other: a transaction stays short even when the service works off a backlog on a starved machine, so that
 * its locks (a request's row, which the service's other channels may be waiting to write) are held briefly and its
 * events leave through the outbox soon after their records arrived. Where tracing is on, applying a record is a
 * {@code process} span, a child of the relay's publish span named by the record's {@code traceparent} header.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final FailureClassifier failures;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DeskSpans spans;
    private final int maxRecordsPerTransaction;

    public Inbox(FailureClassifier failures, Outbox outbox, EntityManager entityManager, DeskSpans spans,
            @ConfigProperty(name = "desk.inbox.max-records-per-transaction", defaultValue = "200")
            int maxRecordsPerTransaction) {
        this.failures = failures;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.spans = spans;
        this.maxRecordsPerTransaction = Math.max(1, maxRecordsPerTransaction);
    }

    /**
     * Applies the records of one poll, in their order, with the handlers for their types; records of other types are
     * acknowledged untouched. Returns once every record is applied or dead-lettered.
     */
    public void acceptAll(Iterable<ConsumerRecord<String, String>> records, EventHandlers handlers) {
        List<Work> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record, handlers).ifPresent(batch::add);
        }
        for (int from = 0; from < batch.size(); from += maxRecordsPerTransaction) {
            applyHalving(batch.subList(from, Math.min(batch.size(), from + maxRecordsPerTransaction)));
        }
    }

    private void applyHalving(List<Work> batch) {
        try {
            applyWithRetry(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                deadLetter(batch.get(0), e);
                return;
            }
            LOG.debugf("A batch of %d events failed (%s); applying it in halves", batch.size(), e.toString());
            int half = batch.size() / 2;
            applyHalving(batch.subList(0, half));
            applyHalving(batch.subList(half, batch.size()));
        }
    }

    /**
     * Applies the batch in one transaction, retrying transient failures; a failure that is not transient is thrown
     * at once for a batch of several records (halving finds the record), after a few attempts for a single record.
     */
    private void applyWithRetry(List<Work> batch) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(batch));
                return;
            } catch (RuntimeException e) {
                boolean transientFailure = FailureClassifier.isInfrastructure(e);
                if (!transientFailure && (batch.size() > 1 || !failures.isRetryable(e, attempt))) {
                    throw e;
                }
                LOG.debugf("Retrying %d events (attempt %d) after %s", batch.size(), attempt, e.toString());
                pause(backoff);
                backoff = longer(backoff);
            }
        }
    }

    /**
     * Reads what a consumer needs before it hands a poll to {@link #acceptAll} (which of its records to take, say),
     * retrying in place while the database is unavailable, as batches are: a read that failed outside the batch's
     * retries would fail the consumer's channel, which then stops until the service restarts.
     */
    public <T> T readRetrying(Supplier<T> read) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (!FailureClassifier.isInfrastructure(e)) {
                    throw e;
                }
                LOG.debugf("Retrying a read before a batch after %s", e.toString());
                pause(backoff);
                backoff = longer(backoff);
            }
        }
    }

    private static Duration longer(Duration backoff) {
        return backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
    }

    private void applyOnce(List<Work> batch) {
        Set<UUID> fresh = ProcessedEvent.recordNew(batch.stream().filter(Work::readable)
                .map(Work::event).toList());
        for (Work work : batch) {
            try (Traced process = processSpan(work); LogContext.Scope context = work.logContext()) {
                applyTraced(work, fresh, process);
            }
        }
    }

    private void applyTraced(Work work, Set<UUID> fresh, Traced process) {
        try {
            if (!work.readable()) {
                outbox.deadLetter(work.record(), work.poison().getMessage());
            } else if (fresh.remove(work.event().id())) {
                work.handler().apply(work.event(), work.payload());
            }
            detachApplied();
        } catch (RuntimeException e) {
            process.fail(e);
            throw e;
        }
    }

    /** Applying one record, in the trace its {@code traceparent} header names (current until closed). */
    private Traced processSpan(Work work) {
        String topic = work.record().topic();
        return spans.startCurrent("process " + topic, SpanKind.CONSUMER, work.header(LogContext.TRACEPARENT),
                Map.of(DeskSpans.SYSTEM, "kafka", DeskSpans.DESTINATION, topic));
    }

    /**
     * Writes what one record changed and forgets its entities, so that the next record's queries flush and dirty-check
     * only their own: without it, each query of a batch would check every entity the batch has touched so far, and a
     * poll of n records would cost n² checks. The transaction still sees every write; entities are read again.
     */
    private void detachApplied() {
        entityManager.flush();
        entityManager.clear();
    }

    private void deadLetter(Work work, RuntimeException failure) {
        try (LogContext.Scope context = work.logContext()) {
            deadLetterInContext(work, failure);
        }
    }

    private void deadLetterInContext(Work work, RuntimeException failure) {
        LOG.warnf("Dead-lettering %s: %s", work.position(), failure.toString());
        String reason = failure instanceof PoisonEventException || failure.getCause() == null ? failure.getMessage()
                : failure.getMessage() + " (" + rootCause(failure).getMessage() + ")";
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> outbox.deadLetter(work.record(), reason));
                return;
            } catch (RuntimeException e) {
                if (!FailureClassifier.isInfrastructure(e)) {
                    throw e;
                }
                pause(attempt < 6 ? FIRST_BACKOFF.multipliedBy(1L << attempt) : MAX_BACKOFF);
            }
        }
    }

    /** What to do with one record: apply its payload with a handler, or dead-letter it as unreadable. */
    private static Optional<Work> read(ConsumerRecord<String, String> record, EventHandlers handlers) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (PoisonEventException e) {
            return Optional.of(new Work(record, null, null, null, e));
        }
        Optional<Handler<?>> handler = handlers.forType(event.type());
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object payload = EventJson.mapper().readValue(event.body(), handler.get().type().payload());
            return Optional.of(new Work(record, event, handler.get(), payload, null));
        } catch (JsonProcessingException e) {
            return Optional.of(new Work(record, event, null, null,
                    new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e)));
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    /** One record of a batch: readable, with its handler and payload, or poison. */
    private record Work(ConsumerRecord<String, String> record, IncomingEvent event, Handler<?> handler,
            Object payload, PoisonEventException poison) {

        boolean readable() {
            return poison == null;
        }

        String position() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }

        /** The record's request, event type and trace in the MDC, for the lines and events its handling causes. */
        LogContext.Scope logContext() {
            return LogContext.open(record.key(), readable() ? event.type() : header(CloudEventHeaders.TYPE),
                    header(LogContext.TRACEPARENT));
        }

        private String header(String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
