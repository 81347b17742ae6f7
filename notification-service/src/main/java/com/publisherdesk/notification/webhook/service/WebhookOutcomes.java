package com.publisherdesk.notification.webhook.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.mail.EmailSender;
import com.publisherdesk.notification.mail.WebhookNotice;
import com.publisherdesk.notification.mail.WebhookNotices;
import com.publisherdesk.notification.webhook.DeliveryStatus;
import com.publisherdesk.notification.webhook.WebhookDelivery;
import com.publisherdesk.notification.webhook.WebhookEndpoint;
import com.publisherdesk.notification.webhook.service.WebhookSender.Attempt;
import com.publisherdesk.notification.webhook.service.WebhookSender.Outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records how an attempt went: delivered; or failed and scheduled again (exponential backoff with jitter); or failed
 * when its retry window closed, which gives the delivery up, disables its endpoint and owes the publisher's
 * administrators one email saying so.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class WebhookOutcomes {

    private static final Logger LOG = Logger.getLogger(WebhookOutcomes.class);

    private final WebhookConfig config;
    private final EmailSender emails;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookOutcomes(WebhookConfig config, EmailSender emails, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.emails = emails;
        this.transactions = transactions;
    }

    void record(Attempt attempt, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(attempt.deliveryId());
        if (delivery == null || delivery.status != DeliveryStatus.SENDING || delivery.attempts != attempt.attempt()) {
            return;
        }
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        settle(delivery, endpoint, outcome, now).ifPresent(notice -> announceDisabled(endpoint, delivery, notice, now));
    }

    /**
     * Notes the outcome of an attempt made at {@code now} on the delivery and its endpoint: delivered; failed and due
     * again after the backoff; or failed once the delivery's retry window has closed, which gives it up and disables
     * the endpoint. Returns the id of the notice the endpoint's administrators are then owed.
     */
    Optional<UUID> settle(WebhookDelivery delivery, WebhookEndpoint endpoint, Outcome outcome, Instant now) {
        if (outcome.delivered()) {
            delivery.noteDelivered(now, outcome.statusCode());
            endpoint.noteSuccess();
            return Optional.empty();
        }
        endpoint.noteFailure(now);
        if (delivery.noteFailure(now, outcome.statusCode(), outcome.error(), backoff(delivery.attempts))) {
            return Optional.empty();
        }
        return Optional.of(endpoint.disable(now, "Delivery " + delivery.id + " of " + delivery.eventType
                + " still failed when its retry window closed (last error: " + delivery.lastError + ")."));
    }

    private void announceDisabled(WebhookEndpoint endpoint, WebhookDelivery delivery, UUID notice, Instant now) {
        LOG.warnf("Webhook %s of %s disabled: %s", endpoint.id, endpoint.publisherId, endpoint.disabledReason);
        String details = WebhookNotices.write(new WebhookNotice(endpoint.id, endpoint.publisherId, endpoint.url, now,
                delivery.eventType, delivery.lastError, endpoint.createdBy));
        if (Email.oweWebhookNotice(notice, endpoint.id, details)) {
            emails.wakeAfterCommit(transactions);
        }
    }

    /** About {@code first-retry}, doubling at each failure up to {@code max-backoff}, between half and all of it. */
    private Duration backoff(int attempts) {
        long first = config.firstRetry().toMillis();
        long base = Math.min(config.maxBackoff().toMillis(), first << Math.min(attempts - 1, 30));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
