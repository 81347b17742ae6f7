package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness fails when the email sender is wedged: no pass finished for longer than {@code desk.mail.unready-after}
 * while emails are due. The queue is only looked at once the last pass is that old, so the check costs nothing while
 * the sender works (a mail server that refuses or is away does not count: the sender still passes, and retries).
 */
@Readiness
@ApplicationScoped
public class EmailSenderHealth implements HealthCheck {

    private final EmailSender sender;
    private final EmailQueue queue;
    private final MailConfig config;

    public EmailSenderHealth(EmailSender sender, EmailQueue queue, MailConfig config) {
        this.sender = sender;
        this.queue = queue;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Email sender");
        Instant lastPass = sender.lastPass();
        response.withData("last-pass", lastPass.toString());
        if (Duration.between(lastPass, Instant.now()).compareTo(config.unreadyAfter()) <= 0) {
            return response.up().build();
        }
        return queue.anyDue().map(due -> response.status(!due).withData("emails-due", due).build())
                .orElseGet(() -> response.up().withData("emails-due", "unknown").build());
    }
}
