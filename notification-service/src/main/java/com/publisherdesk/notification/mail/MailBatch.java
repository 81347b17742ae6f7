package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.publisherdesk.kit.tracing.DeskSpans;
import com.publisherdesk.kit.tracing.Traced;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a batch of composed emails side by side over the mailer's pool of SMTP connections
 * ({@code quarkus.mailer.max-pool-size}, {@code MAIL_CONNECTIONS}), and waits for every answer. An email whose
 * earlier attempt may have gone out is first looked up in the sent-mail journal: if it went out, it is not sent again.
 * Where tracing is on, each email's send is a span, a child of the consumer's span that made it owed.
 */
@ApplicationScoped
class MailBatch {

    private static final Logger LOG = Logger.getLogger(MailBatch.class);

    /**
     * How long one email may take: a connection that went silent (no answer, never closed) must not hold the sender;
     * an email given up on so counts as one that may have gone out, so the journal is asked before it is sent again.
     */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final ReactiveMailer mailer;
    private final SentJournal journal;
    private final DeskSpans spans;

    MailBatch(ReactiveMailer mailer, SentJournal journal, DeskSpans spans) {
        this.mailer = mailer;
        this.journal = journal;
        this.spans = spans;
    }

    /** Sends every email of the batch; never fails, each outcome says how its email went. */
    List<Outcome> send(List<Outgoing> batch) {
        List<CompletableFuture<Outcome>> sending = batch.stream().map(this::send).toList();
        return sending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Outcome> send(Outgoing email) {
        Traced send = spans.start("send email", SpanKind.CLIENT, email.traceparent(), Map.of());
        String traceparent = send.traceparentOr(email.traceparent());
        try {
            if (email.uncertain() && journal.holds(email.messageId())) {
                LOG.infof("Email %s went out at an earlier attempt; recording it without sending again",
                        email.messageId());
                send.close();
                return CompletableFuture.completedFuture(
                        Outcome.sent(email.emailId(), email.recipients(), now(), traceparent));
            }
        } catch (RuntimeException e) {
            send.fail(e);
            send.close();
            throw e;
        }
        return Uni.createFrom().deferred(() -> mailer.send(email.mail())).subscribeAsCompletionStage()
                .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((accepted, failure) -> {
                    if (failure != null) {
                        send.fail(unwrapped(failure));
                    }
                    send.close();
                    return failure == null ? Outcome.sent(email.emailId(), email.recipients(), now(), traceparent)
                            : Outcome.failed(email.emailId(), unwrapped(failure), traceparent);
                });
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A claimed email, composed and addressed.
     *
     * @param emailId     the email
     * @param messageId   its Message-ID, the same at every attempt
     * @param uncertain   whether an earlier attempt may have gone out
     * @param mail        what is sent
     * @param recipients  everyone it is addressed to, the contact first
     * @param traceparent the trace it continues (the email's), or null
     */
    record Outgoing(Long emailId, String messageId, boolean uncertain, Mail mail, List<String> recipients,
            String traceparent) {
    }

    /**
     * How an email of the batch went.
     *
     * @param emailId    the email
     * @param recipients everyone it was addressed to, when it was sent
     * @param sentAt     when the mail server accepted it, when it did
     * @param failure     why it was not sent, when it was not
     * @param traceparent the trace its record continues: the send's span, or else the email's trace (or null)
     */
    record Outcome(Long emailId, List<String> recipients, Instant sentAt, Throwable failure, String traceparent) {

        static Outcome sent(Long emailId, List<String> recipients, Instant at, String traceparent) {
            return new Outcome(emailId, recipients, at, null, traceparent);
        }

        static Outcome failed(Long emailId, Throwable failure, String traceparent) {
            return new Outcome(emailId, List.of(), null, failure, traceparent);
        }

        boolean isSent() {
            return failure == null;
        }
    }
}
