package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.publisherdesk.kit.metrics.Sample;
import com.publisherdesk.kit.metrics.Samples;
import com.publisherdesk.notification.EmailStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The email queue as operators watch it: emails pending, being sent and failed for good (pending grows while the
 * mail server is away), read at scrape time at most once per {@code desk.metrics.refresh}; and how long ago the sender
 * finished a pass (it passes every second when idle). Emails sent are a counter the sender keeps
 * ({@code desk_emails_sent_total}).
 */
@ApplicationScoped
public class EmailMetrics {

    void register(@Observes StartupEvent event, MeterRegistry metrics, Samples samples, EmailQueue queue,
            EmailSender sender) {
        Sample<Map<EmailStatus, Long>> states = samples.of(queue::unsentByState);
        for (EmailStatus state : new EmailStatus[] {EmailStatus.PENDING, EmailStatus.SENDING, EmailStatus.FAILED}) {
            Gauge.builder("desk.emails", states, sample -> sample.number(counts -> counts.get(state)))
                    .strongReference(true).tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Emails owed and not sent, by state").register(metrics);
        }
        Gauge.builder("desk.worker.last.pass.age", sender,
                s -> Duration.between(s.lastPass(), Instant.now()).toMillis() / 1000.0)
                .tag("worker", "email-sender").baseUnit("seconds")
                .description("How long ago a background worker last finished a pass without failing")
                .register(metrics);
    }
}
