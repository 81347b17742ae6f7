package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.EmailFailed;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.worker.BackgroundWorker;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.EmailStatus;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.service.DeadlineWatcher;
import com.publisherdesk.notification.mail.EmailComposer.Composed;
import com.publisherdesk.notification.mail.WebhookNotices.Addressed;

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
 * before it is sent, sent with its deterministic Message-ID (and a copy to the sent-mail journal), and marked sent
 * together with its event. A sender that dies in between leaves a claim that expires; the next sender asks the
 * journal whether the email went out and sends it only if it did not (without a journal it is sent again, under the
 * same Message-ID).
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int BATCH = 10;

    private final Mailer mailer;
    private final EmailComposer composer;
    private final Outbox outbox;
    private final DeadlineWatcher deadlines;
    private final SentJournal journal;
    private final WebhookNotices notices;
    private final MailConfig config;
    private final BackgroundWorker worker;

    public EmailSender(Mailer mailer, EmailComposer composer, Outbox outbox, DeadlineWatcher deadlines,
            SentJournal journal, WebhookNotices notices, MailConfig config) {
        this.mailer = mailer;
        this.composer = composer;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.journal = journal;
        this.notices = notices;
        this.config = config;
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
        List<Claim> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Email> due = Email.claimDue(BATCH, now, config.claimTimeout());
            List<Claim> claims = due.stream().map(email -> new Claim(email.id, email.messageId,
                    email.status == EmailStatus.SENDING)).toList();
            due.forEach(email -> email.claim(now));
            return claims;
        });
        claimed.forEach(this::sendOne);
        return claimed.size() == BATCH;
    }

    private void sendOne(Claim claim) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(claim.emailId()));
        if (claim.interrupted() && journal.holds(claim.messageId())) {
            LOG.infof("Email %s went out before its sender stopped; recording it without sending again",
                    claim.messageId());
        } else {
            try {
                mailer.send(prepared.mail());
            } catch (RuntimeException e) {
                recordFailure(claim.emailId(), e);
                return;
            }
            pauseForFaultInjection();
        }
        QuarkusTransaction.requiringNew().run(() -> recordSent(claim.emailId(), prepared.recipients()));
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

    private Prepared prepare(Long emailId) {
        Email email = Email.findById(emailId);
        Addressed addressed = email.webhookId != null ? notices.compose(email) : aboutRequest(email);
        Composed composed = addressed.composed();
        Mail mail = Mail.withText(addressed.to(), composed.subject(), composed.text()).setHtml(composed.html())
                .setCc(addressed.cc()).setBcc(journal.bcc()).setReplyTo(config.replyTo())
                .addHeader("Message-ID", email.messageId);
        return new Prepared(mail, addressed.recipients());
    }

    private Addressed aboutRequest(Email email) {
        NotifiedRequest request = NotifiedRequest.<NotifiedRequest>findById(email.requestId);
        return new Addressed(request.toAddress, request.cc(), composer.compose(request, email));
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
            deadlines.acknowledged(request, sentAt);
        } else if (email.kind == EmailKind.RESULT) {
            outbox.publish(Events.RESULT_SENT, requestId,
                    new ResultSent(requestId, email.messageId, email.outcome, recipients, sentAt));
        }
    }

    private void recordFailure(Long emailId, RuntimeException failure) {
        String error = String.valueOf(failure.getMessage());
        boolean permanent = SmtpFailures.isPermanent(failure);
        QuarkusTransaction.requiringNew().run(() -> {
            Email email = Email.findById(emailId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            email.noteFailure(error, permanent, now, backoff(email.attempts));
            if (permanent && email.webhookId == null) {
                outbox.publish(Events.EMAIL_FAILED, email.requestId.toString(), new EmailFailed(
                        email.requestId.toString(), email.kind.wire(), email.messageId, error, now));
            }
            LOG.warnf("Email %s %s: %s", email.messageId, permanent ? "refused for good" : "will be retried", error);
        });
    }

    /** Exponential backoff with jitter: about 1 s, 2 s, 4 s, ... up to the configured maximum. */
    private Duration backoff(int attempts) {
        long base = Math.min(config.maxBackoff().toMillis(), 1000L << Math.min(attempts - 1, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private record Prepared(Mail mail, List<String> recipients) {
    }

    /** An email claimed for sending; interrupted when a sender that died had claimed it before. */
    private record Claim(Long emailId, String messageId, boolean interrupted) {
    }
}
