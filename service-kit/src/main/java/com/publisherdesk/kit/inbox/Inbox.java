package com.publisherdesk.kit.inbox;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.kit.inbox.EventHandlers.Handler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies incoming events exactly once: the event id is recorded in the transaction of the handler's effect.
 * Transient failures (the database away, a lost race) are retried in place; poison goes to the dead-letter topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final FailureClassifier failures;

    public Inbox(FailureClassifier failures) {
        this.failures = failures;
    }

    /** Applies one record with the handler for its type; records of other types are acknowledged untouched. */
    public void accept(ConsumerRecord<String, String> record, EventHandlers handlers) {
        IncomingEvent event = IncomingEvent.of(record);
        Optional<Handler<?>> handler = handlers.forType(event.type());
        if (handler.isEmpty()) {
            return;
        }
        Object payload = read(event, handler.get());
        applyWithRetry(event, handler.get(), payload);
    }

    private void applyWithRetry(IncomingEvent event, Handler<?> handler, Object payload) {
        Duration backoff = Duration.ofMillis(50);
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(event, handler, payload));
                return;
            } catch (RuntimeException e) {
                if (!failures.isRetryable(e, attempt)) {
                    throw e instanceof PoisonEventException ? e : new PoisonEventException(e.getMessage(), e);
                }
                LOG.debugf("Retrying event %s (attempt %d) after %s", event.id(), attempt, e.toString());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
            }
        }
    }

    private static void applyOnce(IncomingEvent event, Handler<?> handler, Object payload) {
        if (ProcessedEvent.isProcessed(event.id())) {
            return;
        }
        ProcessedEvent.record(event.id(), event.type(), event.subject());
        handler.apply(event, payload);
    }

    private static Object read(IncomingEvent event, Handler<?> handler) {
        try {
            return EventJson.mapper().readValue(event.body(), handler.type().payload());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
