package com.publisherdesk.notification.webhook.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.notification.webhook.WebhookDelivery;
import com.publisherdesk.notification.webhook.WebhookEndpoint;
import com.publisherdesk.notification.webhook.service.WebhookSender.Attempt;
import com.publisherdesk.notification.webhook.service.WebhookSender.Outcome;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Delivers due webhook deliveries at least once: a batch is claimed in a committed transaction (each delivery the
 * next of its request for its endpoint), sent in parallel, and each outcome recorded in a transaction of its own. A
 * sender that dies leaves claims that expire and are sent again. A failure is retried with exponential backoff and
 * jitter until the retry window closes; then the delivery is given up and its endpoint disabled, and the publisher's
 * administrators are emailed once.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 20;

    private final WebhookConfig config;
    private final WebhookSender sender;
    private final WebhookOutcomes outcomes;
    private final BackgroundWorker worker;

    public WebhookDeliverer(WebhookConfig config, WebhookSender sender, WebhookOutcomes outcomes) {
        this.config = config;
        this.sender = sender;
        this.outcomes = outcomes;
        this.worker = new BackgroundWorker("webhook-deliverer", this::deliverDue, Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Wakes the deliverer once the current transaction commits. */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        worker.wakeAfterCommit(transactions);
    }

    /** Delivers one batch; returns whether more may be waiting. */
    boolean deliverDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Attempt> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
        List<CompletableFuture<Outcome>> sent = claimed.stream().map(sender::send).toList();
        for (int i = 0; i < claimed.size(); i++) {
            Attempt attempt = claimed.get(i);
            Outcome outcome = sent.get(i).join();
            if (!outcome.delivered()) {
                LOG.debugf("Delivery %d to %s failed: %s", attempt.deliveryId(), attempt.url(), outcome.error());
            }
            QuarkusTransaction.requiringNew().run(() -> outcomes.record(attempt, outcome));
        }
        return claimed.size() == BATCH;
    }

    private List<Attempt> claim(Instant now) {
        List<WebhookDelivery> due = WebhookDelivery.claimDue(BATCH, now, config.claimTimeout());
        return due.stream().map(delivery -> {
            delivery.claim(now);
            WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
            return new Attempt(delivery.id, delivery.attempts, endpoint.url, endpoint.secret,
                    delivery.eventId.toString(), delivery.body);
        }).toList();
    }
}
