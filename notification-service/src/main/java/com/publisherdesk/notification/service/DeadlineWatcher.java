package com.publisherdesk.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;


import com.publisherdesk.contracts.AcknowledgementDeadlineBreached;
import com.publisherdesk.contracts.AcknowledgementDeadlineMet;
import com.publisherdesk.contracts.AcknowledgementDeadlineWarning;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.persistence.PlainStatements;
import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.notification.NotifiedRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps the acknowledgement promise visible: warns when a request is still unacknowledged at the warning point of its
 * window, reports a breach when it is late, and records that the deadline was met when the acknowledgement went out.
 * Each event is published once per request, whichever instance notices it (rows are locked while they are handled).
 */
@ApplicationScoped
public class DeadlineWatcher {

    private static final int BATCH = 100;
    private static final String NOTE_ACKNOWLEDGED = "update notified_request set acknowledged_at = ? "
            + "where request_id = ? and acknowledged_at is null";
    private static final String NOTE_BREACHED = "update notified_request set breached_at = ? "
            + "where request_id = ? and breached_at is null";

    private final Outbox outbox;
    private final double warnFraction;
    private final BackgroundWorker worker;
    private final Counter met;
    private final Counter warned;
    private final Counter breached;

    public DeadlineWatcher(Outbox outbox, MeterRegistry metrics, SlaConfig sla) {
        this.outbox = outbox;
        this.warnFraction = sla.warnAt();
        this.worker = new BackgroundWorker("deadline-watcher", this::check, sla.checkInterval(),
                Duration.ofSeconds(30));
        this.met = counter(metrics, "met");
        this.warned = counter(metrics, "warned");
        this.breached = counter(metrics, "breached");
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Starts a new request's clock. */
    public void startClock(NotifiedRequest request) {
        request.startClock(warnFraction);
    }

    /**
     * Notes that a request's acknowledgement went out; publishes met, or the breach if it is late and not reported
     * yet. {@code request} is as the sender read it (its deadline never changes); the row is written with plain
     * statements that change it only once, so that a watcher reporting the breach at the same time (it locks the
     * rows it reports, and skips those locked) does not report it twice, and neither write undoes the other.
     */
    @Transactional(TxType.MANDATORY)
    public void acknowledged(NotifiedRequest request, Instant sentAt) {
        EntityManager entities = NotifiedRequest.getEntityManager();
        if (PlainStatements.update(entities, NOTE_ACKNOWLEDGED, sentAt, request.requestId) == 0) {
            return;
        }
        if (!sentAt.isAfter(request.acknowledgementDueBy)) {
            outbox.publish(Events.ACKNOWLEDGEMENT_DEADLINE_MET, request.requestId.toString(),
                    new AcknowledgementDeadlineMet(request.requestId.toString(), request.publisherId,
                            request.acknowledgementDueBy, sentAt));
            met.increment();
        } else if (PlainStatements.update(entities, NOTE_BREACHED, sentAt, request.requestId) == 1) {
            publishBreach(request, sentAt);
        }
    }

    /** One pass over the clocks; returns whether a full batch suggests more is waiting. */
    boolean check() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<NotifiedRequest> toWarn = NotifiedRequest.dueForWarning(now, BATCH);
            toWarn.forEach(request -> warn(request, now));
            List<NotifiedRequest> toBreach = NotifiedRequest.dueForBreach(now, BATCH);
            toBreach.forEach(request -> breach(request, now));
            return toWarn.size() == BATCH || toBreach.size() == BATCH;
        });
    }

    private void warn(NotifiedRequest request, Instant now) {
        request.warnedAt = now;
        outbox.publish(Events.ACKNOWLEDGEMENT_DEADLINE_WARNING, request.requestId.toString(),
                new AcknowledgementDeadlineWarning(request.requestId.toString(), request.publisherId,
                        request.acknowledgementDueBy, now));
        warned.increment();
    }

    private void breach(NotifiedRequest request, Instant now) {
        request.breachedAt = now;
        publishBreach(request, now);
    }

    private void publishBreach(NotifiedRequest request, Instant now) {
        outbox.publish(Events.ACKNOWLEDGEMENT_DEADLINE_BREACHED, request.requestId.toString(),
                new AcknowledgementDeadlineBreached(request.requestId.toString(), request.publisherId,
                        request.acknowledgementDueBy, now));
        breached.increment();
    }

    private static Counter counter(MeterRegistry metrics, String outcome) {
        return Counter.builder("desk.acknowledgement.deadlines").tag("outcome", outcome)
                .description("Acknowledgement deadlines met, warned about and breached").register(metrics);
    }
}
