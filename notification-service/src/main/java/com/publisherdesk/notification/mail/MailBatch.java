package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a batch of composed emails side by side over the mailer's pool of SMTP connections
 * ({@code quarkus.mailer.max-pool-size}, {@code MAIL_CONNECTIONS}), and waits for every answer. An email whose
 * earlier attempt may have gone out is first looked up in the sent-mail journal: if it went out, it is not sent again.
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

    MailBatch(ReactiveMailer mailer, SentJournal journal) {
        this.mailer = mailer;
        this.journal = journal;
    }

    /** Sends every email of the batch; never fails, each outcome says how its email went. */
    List<Outcome> send(List<Outgoing> batch) {
        List<CompletableFuture<Outcome>> sending = batch.stream().map(this::send).toList();
        return sending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Outcome> send(Outgoing email) {
        if (email.uncertain() && journal.holds(email.messageId())) {
            LOG.infof("Email %s went out at an earlier attempt; recording it without sending again",
                    email.messageId());
            return CompletableFuture.completedFuture(Outcome.sent(email.emailId(), email.recipients(), now()));
        }
        return Uni.createFrom().deferred(() -> mailer.send(email.mail())).subscribeAsCompletionStage()
                .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((accepted, failure) -> failure == null
                        ? Outcome.sent(email.emailId(), email.recipients(), now())
                        : Outcome.failed(email.emailId(), unwrapped(failure)));
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
     */
    record Outgoing(Long emailId, String messageId, boolean uncertain, Mail mail, List<String> recipients) {
    }

    /**
     * How an email of the batch went.
     *
     * @param emailId    the email
     * @param recipients everyone it was addressed to, when it was sent
     * @param sentAt     when the mail server accepted it, when it did
     * @param failure    why it was not sent, when it was not
     */
    record Outcome(Long emailId, List<String> recipients, Instant sentAt, Throwable failure) {

        static Outcome sent(Long emailId, List<String> recipients, Instant at) {
            return new Outcome(emailId, recipients, at, null);
        }

        static Outcome failed(Long emailId, Throwable failure) {
            return new Outcome(emailId, List.of(), null, failure);
        }

        boolean isSent() {
            return failure == null;
        }
    }
}
