package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;

import com.publisherdesk.kit.logging.LogContext;
import com.publisherdesk.kit.tracing.DeskSpans;
import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.Email.Claimed;
import com.publisherdesk.notification.mail.EmailComposer.Composed;
import com.publisherdesk.notification.mail.MailBatch.Outcome;
import com.publisherdesk.notification.mail.MailBatch.Outgoing;
import com.publisherdesk.notification.mail.WebhookNotices.Addressed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sends the emails owed, each exactly once as far as SMTP allows, a batch at a time: the batch is claimed in a
 * committed transaction before anything is sent (each email the next of its request, with what composing it needs),
 * composed, sent side by side with deterministic Message-IDs (and a copy to the sent-mail journal), and every
 * outcome is recorded, with its events, in one transaction. A sender that dies in between leaves claims that expire,
 * and a connection cut before the server's answer leaves an email that may have gone out: the next attempt asks the
 * journal whether it went out and sends it only if it did not (without a journal it is sent again, under the same
 * Message-ID). {@code desk.mail.senders} senders work side by side, so that one records its batch's outcomes while
 * another's emails are on the wire; they claim different emails (rows another holds are skipped), and a request's
 * email is claimed only once the one before it was sent, whichever sender sent it.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final EmailComposer composer;
    private final WebhookNotices notices;
    private final MailBatch smtp;
    private final SentJournal journal;
    private final EmailEvents events;
    private final MailConfig config;
    private final List<BackgroundWorker> workers;
    private final Counter sent;
    private final DeskSpans spans;

    public EmailSender(EmailComposer composer, WebhookNotices notices, MailBatch smtp, SentJournal journal,
            EmailEvents events, MailConfig config, MeterRegistry metrics, DeskSpans spans) {
        this.composer = composer;
        this.notices = notices;
        this.smtp = smtp;
        this.journal = journal;
        this.events = events;
        this.config = config;
        this.workers = IntStream.rangeClosed(1, Math.max(1, config.senders()))
                .mapToObj(n -> new BackgroundWorker(n == 1 ? "email-sender" : "email-sender-" + n, this::sendDue,
                        Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .toList();
        this.sent = Counter.builder("desk.emails.sent").description("Emails the mail server accepted")
                .register(metrics);
        this.spans = spans;
    }

    void start(@Observes StartupEvent event) {
        workers.forEach(BackgroundWorker::start);
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(BackgroundWorker::stop);
    }

    /**
     * When every sender last finished a pass without failing (sent a batch, or found nothing due): the oldest of their
     * last passes, so that one sender wedged shows while the others work.
     */
    public Instant lastPass() {
        return workers.stream().map(BackgroundWorker::lastPass).min(Instant::compareTo).orElseThrow();
    }

    /** Wakes the senders once the current transaction commits. */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        workers.forEach(worker -> worker.wakeAfterCommit(transactions));
    }

    /**
     * Sends one batch of due emails; returns whether more may be waiting: the batch was full, or an email sent may
     * have been holding back the next of its request.
     */
    boolean sendDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> Email.claimDue(config.batchSize(), now, config.claimTimeout()));
        if (claimed.isEmpty()) {
            return false;
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Outgoing> composed = new ArrayList<>();
        for (Claimed claim : claimed) {
            try {
                composed.add(compose(claim));
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(claim.email().id, e, claim.email().traceparent));
            }
        }
        outcomes.addAll(smtp.send(composed));
        if (outcomes.stream().anyMatch(Outcome::isSent)) {
            pauseForFaultInjection();
        }
        Map<Long, Claimed> claims = claimed.stream().collect(Collectors.toMap(claim -> claim.email().id,
                Function.identity()));
        QuarkusTransaction.requiringNew().run(() -> record(outcomes, claims));
        sent.increment(outcomes.stream().filter(Outcome::isSent).count());
        return claimed.size() == config.batchSize() || outcomes.stream().anyMatch(Outcome::isSent);
    }

    private Outgoing compose(Claimed claim) {
        Email email = claim.email();
        Addressed addressed = email.webhookId != null ? notices.compose(email, Optional.ofNullable(claim.about()))
                : new Addressed(claim.about().toAddress, claim.about().cc(), composer.compose(claim.about(), email));
        Composed composed = addressed.composed();
        Mail mail = Mail.withText(addressed.to(), composed.subject(), composed.text()).setHtml(composed.html())
                .setCc(addressed.cc()).setBcc(journal.bcc()).setReplyTo(config.replyTo())
                .addHeader("Message-ID", email.messageId);
        return new Outgoing(email.id, email.messageId, claim.uncertain(), mail, addressed.recipients(),
                email.traceparent);
    }

    private void pauseForFaultInjection() {
        Duration pause = config.faultInjection().pauseAfterSend();
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Records every outcome of a batch: sent (with its event), to be tried again later, or refused for good. The emails
     * are those of the claim (not loaded again); each is written with a plain statement that changes it only if no
     * other sender recorded it as sent meanwhile (one whose claim had expired), so its event is published once.
     */
    private void record(List<Outcome> outcomes, Map<Long, Claimed> claims) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<Long> recorded = Email.noteSent(outcomes.stream().filter(Outcome::isSent)
                .collect(Collectors.toMap(Outcome::emailId, Outcome::sentAt)));
        for (Outcome outcome : outcomes) {
            Claimed claim = claims.get(outcome.emailId());
            Email email = claim.email();
            try (Scope send = spans.resume(outcome.traceparent());
                    LogContext.Scope context = LogContext.open(email.requestId.toString(), null, email.traceparent)) {
                if (!outcome.isSent()) {
                    recordFailure(email, outcome.failure(), now);
                } else if (recorded.contains(email.id)) {
                    events.sent(email, claim.about(), outcome.recipients(), outcome.sentAt());
                } else {
                    LOG.infof("Email %s was recorded as sent by another sender already", email.messageId);
                }
            }
        }
    }

    private void recordFailure(Email email, Throwable failure, Instant now) {
        String error = String.valueOf(failure.getMessage());
        boolean permanent = SmtpFailures.isPermanent(failure);
        boolean uncertain = !permanent && SmtpFailures.mayHaveGoneOut(failure);
        if (!Email.noteFailure(email.id, error, permanent, uncertain, now.plus(backoff(email.attempts)))) {
            LOG.infof("Email %s was recorded as sent by another sender already", email.messageId);
            return;
        }
        if (permanent && email.webhookId == null) {
            events.refused(email, error, now);
        }
        LOG.warnf("Email %s %s: %s", email.messageId, permanent ? "refused for good" : "will be retried", error);
    }

    /** Exponential backoff with jitter: about 1 s, 2 s, 4 s, ... up to the configured maximum. */
    private Duration backoff(int attempts) {
        long base = Math.min(config.maxBackoff().toMillis(), 1000L << Math.min(attempts - 1, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
