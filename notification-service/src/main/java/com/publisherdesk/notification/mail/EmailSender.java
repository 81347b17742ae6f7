package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.mail.EmailComposer.Composed;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sends the emails owed, each exactly once as far as SMTP allows: an email is claimed in a committed transaction
 * before it is sent, sent with its deterministic Message-ID, and marked sent together with its event. A sender that
 * dies between the SMTP server's acceptance and that last commit leaves a claim that expires; the email is then sent
 * again with the same Message-ID, so mail clients and the desk's own counts see one email.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int BATCH = 10;
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern PERMANENT = Pattern.compile("(^|\\D)5\\d\\d(\\D|$)");

    private final Mailer mailer;
    private final EmailComposer composer;
    private final Outbox outbox;
    private final String replyTo;
    private final Duration maxBackoff;
    private final BackgroundWorker worker;

    public EmailSender(Mailer mailer, EmailComposer composer, Outbox outbox,
            @ConfigProperty(name = "desk.mail.reply-to") String replyTo,
            @ConfigProperty(name = "desk.mail.max-backoff") Duration maxBackoff) {
        this.mailer = mailer;
        this.composer = composer;
        this.outbox = outbox;
        this.replyTo = replyTo;
        this.maxBackoff = maxBackoff;
        this.worker = new BackgroundWorker("email-sender", this::sendDue, Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Wakes the sender once the current transaction commits. */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        worker.wakeAfterCommit(transactions);
    }

    /** Sends one batch of due emails; returns whether more may be waiting. */
    boolean sendDue() {
        Instant now = Instant.now();
        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Email> due = Email.claimDue(BATCH, now, CLAIM_TIMEOUT);
            due.forEach(email -> email.claim(now));
            return due.stream().map(email -> email.id).toList();
        });
        claimed.forEach(this::sendOne);
        return claimed.size() == BATCH;
    }

    private void sendOne(Long emailId) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(emailId));
        try {
            mailer.send(prepared.mail());
        } catch (RuntimeException e) {
            recordFailure(emailId, e);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> recordSent(emailId, prepared.recipients()));
    }

    private Prepared prepare(Long emailId) {
        Email email = Email.findById(emailId);
        NotifiedRequest request = NotifiedRequest.<NotifiedRequest>findById(email.requestId);
        Composed composed = composer.compose(request, email);
        Mail mail = Mail.withText(request.toAddress, composed.subject(), composed.text()).setHtml(composed.html())
                .setCc(request.cc()).setReplyTo(replyTo).addHeader("Message-ID", email.messageId);
        return new Prepared(mail, request.recipients());
    }

    private void recordSent(Long emailId, List<String> recipients) {
        Email email = Email.findById(emailId);
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        email.noteSent(sentAt);
        String requestId = email.requestId.toString();
        if (email.kind == EmailKind.ACKNOWLEDGEMENT) {
            NotifiedRequest request = NotifiedRequest.findById(email.requestId);
            outbox.publish(Events.ACKNOWLEDGEMENT_SENT, requestId, new AcknowledgementSent(requestId,
                    email.messageId, recipients, sentAt, !sentAt.isAfter(request.acknowledgementDueBy)));
        } else {
            outbox.publish(Events.RESULT_SENT, requestId,
                    new ResultSent(requestId, email.messageId, email.outcome, recipients, sentAt));
        }
    }

    private void recordFailure(Long emailId, RuntimeException failure) {
        String error = String.valueOf(failure.getMessage());
        boolean permanent = PERMANENT.matcher(error).find();
        QuarkusTransaction.requiringNew().run(() -> {
            Email email = Email.findById(emailId);
            email.noteFailure(error, permanent, Instant.now(), backoff(email.attempts));
            LOG.warnf("Email %s %s: %s", email.messageId, permanent ? "refused for good" : "will be retried", error);
        });
    }

    /** Exponential backoff with jitter: about 1 s, 2 s, 4 s, ... up to the configured maximum. */
    private Duration backoff(int attempts) {
        long base = Math.min(maxBackoff.toMillis(), 1000L << Math.min(attempts - 1, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private record Prepared(Mail mail, List<String> recipients) {
    }
}
