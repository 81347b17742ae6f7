package com.publisherdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.query.NativeQuery;

import com.publisherdesk.kit.logging.LogContext;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An email the desk owes about a request, recorded before it is sent; one per request and kind. */
@Entity
@Table(name = "email")
public class Email extends PanacheEntityBase {

    /**
     * Claims due emails and reads what composing them needs, in one statement: each due email (pending and due, or
     * claimed by a sender presumed dead) whose request is known and that is the next of its request (its
     * acknowledgement first, then the others in the order they were owed), so that a request's emails go out one
     * after the other while other requests' go side by side; with the request it is about, or for a notice about a
     * webhook the publisher's latest request. Rows locked by another sender are skipped. The emails still to send
     * are read in order from an index of their own ({@code email_open}), and their requests joined by key: the sent
     * emails and every request known are never scanned.
     */
    private static final String CLAIM = """
            with due as (
                select e.id, e.status = 'SENDING' or e.delivery_uncertain as uncertain from email e
                left join notified_request n on n.request_id = e.request_id
                where (e.status = 'PENDING' and e.next_attempt_at <= ?1 or e.status = 'SENDING' and e.claimed_at < ?2)
                  and (e.webhook_id is not null or n.request_id is not null)
                  and not exists (select 1 from email p where p.request_id = e.request_id and p.id <> e.id
                      and p.status in ('PENDING', 'SENDING')
                      and (p.kind = 'ACKNOWLEDGEMENT' or e.kind <> 'ACKNOWLEDGEMENT' and p.id < e.id))
                order by e.id limit ?3
                for update of e skip locked),
            claimed as (
                update email e set status = 'SENDING', claimed_at = ?1, attempts = e.attempts + 1,
                    version = e.version + 1
                from due where e.id = due.id
                returning e.*, due.uncertain)
            select {c.*}, {r.*}, c.uncertain from claimed c
            left join lateral (
                select n.* from notified_request n where c.webhook_id is null and n.request_id = c.request_id
                union all
                (select n.* from notified_request n where c.webhook_id is not null
                    and n.publisher_id = cast(c.result as jsonb) ->> 'publisherId'
                    order by n.submitted_at desc limit 1)) r on true
            order by c.id""";

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

    /** Whether the last attempt failed without the server's answer, so that it may have gone out. */
    @Column(name = "delivery_uncertain", nullable = false)
    public boolean deliveryUncertain;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The trace of the event that made it owed (a W3C traceparent), continued when it is sent; null outside one. */
    public String traceparent;

    /** For a notice about a webhook rather than a request: the endpoint (its request id is the notice's own id). */
    @Column(name = "webhook_id")
    public UUID webhookId;

    @Version
    public int version;

    /** Records an email owed, unless one of that kind already is; returns whether it was new. */
    public static boolean owe(UUID requestId, EmailKind kind, String outcome, String result) {
        if (isOwed(requestId, kind)) {
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
        email.traceparent = LogContext.traceparent();
        email.persist();
        return true;
    }

    /**
     * Whether an email of this kind is already owed about the request. A plain statement, after pending emails are
     * written: this runs for every event the service applies, and Hibernate translated the query (with its row limit)
     * anew on every call.
     */
    private static boolean isOwed(UUID requestId, EmailKind kind) {
        return (Boolean) getEntityManager().createNativeQuery("select exists (select 1 from email "
                + "where request_id = ?1 and kind = ?2)").unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Email.class).setParameter(1, requestId).setParameter(2, kind.name())
                .getSingleResult();
    }

    /**
     * Records the email owed about a webhook endpoint that was disabled, unless it already is; {@code noticeId} names
     * that disabling (the endpoint's id and how many times it was disabled), so each is told once.
     */
    public static boolean oweWebhookNotice(UUID noticeId, UUID webhookId, String details) {
        if (isOwed(noticeId, EmailKind.WEBHOOK_DISABLED)) {
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
     * Claims up to {@code limit} due emails (see {@link #CLAIM}) as of {@code now}; a claim older than
     * {@code claimTimeout} is treated as abandoned by a sender that died.
     */
    @SuppressWarnings("unchecked")
    public static List<Claimed> claimDue(int limit, Instant now, Duration claimTimeout) {
        List<Object[]> rows = getEntityManager().createNativeQuery(CLAIM).unwrap(NativeQuery.class)
                .addEntity("c", Email.class).addEntity("r", NotifiedRequest.class)
                .addScalar("uncertain", Boolean.class)
                .setParameter(1, now).setParameter(2, now.minus(claimTimeout)).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> new Claimed((Email) row[0], (NotifiedRequest) row[1], (Boolean) row[2]))
                .toList();
    }

    public static List<Email> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    /** The emails in {@code status}, oldest first, at most {@code limit}. */
    public static List<Email> inState(EmailStatus status, int limit) {
        return find("status = ?1 order by id", status).page(0, limit).list();
    }

    public void noteSent(Instant at) {
        status = EmailStatus.SENT;
        sentAt = at;
        lastError = null;
        deliveryUncertain = false;
    }

    /**
     * Schedules another attempt after {@code delay}, or gives up for good when the failure is permanent;
     * {@code uncertain} when the server gave no answer, so that the email may have gone out.
     */
    public void noteFailure(String error, boolean permanent, boolean uncertain, Instant now, Duration delay) {
        lastError = error;
        deliveryUncertain = uncertain;
        status = permanent ? EmailStatus.FAILED : EmailStatus.PENDING;
        nextAttemptAt = now.plus(delay);
        claimedAt = null;
    }

    /**
     * An email claimed for sending.
     *
     * @param email       the email, as claimed
     * @param about       the request it is about; for a notice about a webhook, the publisher's latest request, if any
     * @param uncertain whether an earlier attempt may have gone out: its sender died after claiming it, or the
     *                  connection failed without the server's answer
     */
    public record Claimed(Email email, NotifiedRequest about, boolean uncertain) {
    }
}
