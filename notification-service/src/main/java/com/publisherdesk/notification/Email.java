package com.publisherdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An email the desk owes about a request, recorded before it is sent; one per request and kind. */
@Entity
@Table(name = "email")
public class Email extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailStatus status;

    /** Deterministic, so that a repeated send carries the same Message-ID. */
    @Column(name = "message_id", nullable = false, unique = true)
    public String messageId;

    /** For results: approved, denied or review. */
    public String outcome;

    /** For results: what was decided, as JSON. */
    public String result;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** For a notice about a webhook rather than a request: the endpoint (its request id is the notice's own id). */
    @Column(name = "webhook_id")
    public UUID webhookId;

    @Version
    public int version;

    /** Records an email owed, unless one of that kind already is; returns whether it was new. */
    public static boolean owe(UUID requestId, EmailKind kind, String outcome, String result) {
        if (count("requestId = ?1 and kind = ?2", requestId, kind) > 0) {
            return false;
        }
        Email email = new Email();
        email.requestId = requestId;
        email.kind = kind;
        email.status = EmailStatus.PENDING;
        email.messageId = messageIdOf(requestId, kind);
        email.outcome = outcome;
        email.result = result;
        email.nextAttemptAt = Instant.now();
        email.persist();
        return true;
    }

    /**
     * Records the email owed about a webhook endpoint that was disabled, unless it already is; {@code noticeId} names
     * that disabling (the endpoint's id and how many times it was disabled), so each is told once.
     */
    public static boolean oweWebhookNotice(UUID noticeId, UUID webhookId, String details) {
        if (count("requestId = ?1 and kind = ?2", noticeId, EmailKind.WEBHOOK_DISABLED) > 0) {
            return false;
        }
        Email email = new Email();
        email.requestId = noticeId;
        email.kind = EmailKind.WEBHOOK_DISABLED;
        email.status = EmailStatus.PENDING;
        email.messageId = messageIdOf(noticeId, EmailKind.WEBHOOK_DISABLED);
        email.webhookId = webhookId;
        email.result = details;
        email.nextAttemptAt = Instant.now();
        email.persist();
        return true;
    }

    /** The Message-ID of a request's email of a kind: the same on every attempt. */
    public static String messageIdOf(UUID requestId, EmailKind kind) {
        return "<" + requestId + "." + kind.wire() + "@publisherdesk>";
    }

    /**
     * Claims due emails whose request is known, locking them against other senders; a claim older than
     * {@code claimTimeout} is treated as abandoned by a sender that died.
     */
    public static List<Email> claimDue(int limit, Instant now, Duration claimTimeout) {
        return find("(status = ?1 and nextAttemptAt <= ?2 or status = ?3 and claimedAt < ?4) and (requestId in "
                + "(select r.requestId from NotifiedRequest r) or webhookId is not null) order by id",
                EmailStatus.PENDING, now, EmailStatus.SENDING, now.minus(claimTimeout))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    public static List<Email> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    /** The emails in {@code status}, oldest first, at most {@code limit}. */
    public static List<Email> inState(EmailStatus status, int limit) {
        return find("status = ?1 order by id", status).page(0, limit).list();
    }

    public void claim(Instant now) {
        status = EmailStatus.SENDING;
        claimedAt = now;
        attempts++;
    }

    public void noteSent(Instant at) {
        status = EmailStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** Schedules another attempt after {@code delay}, or gives up for good when the failure is permanent. */
    public void noteFailure(String error, boolean permanent, Instant now, Duration delay) {
        lastError = error;
        status = permanent ? EmailStatus.FAILED : EmailStatus.PENDING;
        nextAttemptAt = now.plus(delay);
        claimedAt = null;
    }
}
