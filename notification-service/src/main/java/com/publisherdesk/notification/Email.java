package com.publisherdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.hibernate.query.NativeQuery;

import com.publisherdesk.kit.logging.LogContext;
import com.publisherdesk.kit.persistence.PlainStatements;

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

    private static final String OWE = "insert into email (request_id, kind, status, message_id, outcome, result, "
            + "next_attempt_at, traceparent, webhook_id) values (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?) "
            + "on conflict (request_id, kind) do nothing";
    private static final String NOTE_SENT = "update email e set status = 'SENT', "
            + "sent_at = cast(s.sent_at as timestamptz), last_error = null, delivery_uncertain = false, "
            + "version = e.version + 1 "
            + "from unnest(cast(? as bigint[]), cast(? as varchar[])) as s(id, sent_at) "
            + "where e.id = s.id and e.status <> 'SENT' returning e.id";
    private static final String NOTE_FAILURE = "update email set status = ?, last_error = ?, delivery_uncertain = ?, "
            + "next_attempt_at = ?, claimed_at = null, version = version + 1 where id = ? and status <> 'SENT'";

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

    /**
     * Records an email owed, one plain insert that does nothing if an email of that kind is already owed about the
     * request (the two are unique together); returns whether it was new. Every event the service applies may owe an
     * email: persisting it as an entity with a generated key went through Hibernate's identity insert, after a query
     * to find whether it was owed already.
     */
    public static boolean owe(UUID requestId, EmailKind kind, String outcome, String result) {
        return insert(requestId, kind, outcome, result, null, LogContext.traceparent());
    }

    /**
     * Records the email owed about a webhook endpoint that was disabled, unless it already is; {@code noticeId} names
     * that disabling (the endpoint's id and how many times it was disabled), so each is told once.
     */
    public static boolean oweWebhookNotice(UUID noticeId, UUID webhookId, String details) {
        return insert(noticeId, EmailKind.WEBHOOK_DISABLED, null, details, webhookId, null);
    }

    private static boolean insert(UUID requestId, EmailKind kind, String outcome, String result, UUID webhookId,
            String traceparent) {
        return PlainStatements.update(getEntityManager(), OWE, requestId, kind, messageIdOf(requestId, kind),
                outcome, result, Instant.now().truncatedTo(ChronoUnit.MICROS), traceparent, webhookId) == 1;
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

    /**
     * Records emails the mail server accepted, each at its time, with one statement; returns those recorded now. An
     * email already recorded as sent (by a sender whose claim on it was taken over) is left as it is, so that what
     * follows from its sending happens once.
     */
    public static Set<Long> noteSent(Map<Long, Instant> sentAt) {
        if (sentAt.isEmpty()) {
            return Set.of();
        }
        Long[] ids = sentAt.keySet().toArray(Long[]::new);
        String[] times = Stream.of(ids).map(id -> sentAt.get(id).toString()).toArray(String[]::new);
        return new HashSet<>(PlainStatements.query(getEntityManager(), NOTE_SENT, row -> row.getLong(1), ids, times));
    }

    /**
     * Schedules another attempt at {@code nextAttemptAt}, or gives up for good when the failure is permanent;
     * {@code uncertain} when the server gave no answer, so that the email may have gone out. Returns whether it was
     * recorded: not if another sender recorded the email as sent meanwhile.
     */
    public static boolean noteFailure(Long id, String error, boolean permanent, boolean uncertain,
            Instant nextAttemptAt) {
        return PlainStatements.update(getEntityManager(), NOTE_FAILURE, permanent ? EmailStatus.FAILED
                : EmailStatus.PENDING, error, uncertain, nextAttemptAt, id) == 1;
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
