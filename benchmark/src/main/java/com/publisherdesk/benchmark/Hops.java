package com.publisherdesk.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.publisherdesk.devstack.EmbeddedDatabase;

/**
 * Where a request's time goes, hop by hop, from the timestamps each service keeps in its own schema: the request's
 * submission (intake), the start of the transaction in which each consumer service applied the event that moved it
 * on (from its inbox), its verdict (validation), its decision (billing), and each email owed, claimed by the sender
 * and accepted by the mail server (notification). All on one machine, so the clocks agree.
 */
final class Hops {

    private static final String QUERY = """
            with r as (select id, id::text as subject, submitted_at from intake.request where id = any(?)),
            took as (
                select r.id, r.submitted_at,
                    (select min(processed_at) from validation.processed_event where subject = r.subject
                        and type = 'com.publisherdesk.request.submitted.v1') as validating,
                    (select checked_at from validation.ownership_check where request_id = r.id) as checked,
                    (select min(processed_at) from billing.processed_event where subject = r.subject
                        and type like 'com.publisherdesk.subscription.%') as deciding,
                    (select decided_at from billing.credit_decision where request_id = r.id) as decided,
                    (select min(processed_at) from notification.processed_event where subject = r.subject
                        and type in ('com.publisherdesk.credit.approved.v1', 'com.publisherdesk.credit.denied.v1',
                            'com.publisherdesk.credit.review-required.v1',
                            'com.publisherdesk.credit.awaiting-authorization.v1')) as notifying
                from r),
            hop as (
                select 1 as ord, 'submitted, to validation''s transaction (intake''s relay, Kafka, the poll)' as name,
                    validating - submitted_at as took from took
                union all select 2, 'validation''s transaction, to the verdict', checked - validating from took
                union all select 3, 'verdict, to billing''s transaction (validation''s relay, Kafka, the poll)',
                    deciding - checked from took
                union all select 4, 'billing''s transaction, to the decision', decided - deciding from took
                union all select 5, 'decision, to notification''s transaction (billing''s relay, Kafka, the poll)',
                    notifying - decided from took
                union all
                select case e.kind when 'ACKNOWLEDGEMENT' then 6 else 8 end,
                    lower(e.kind) || ' email owed, to its claim by the sender', e.claimed_at - e.next_attempt_at
                from r join notification.email e on e.request_id = r.id and e.attempts = 1
                    and e.kind in ('ACKNOWLEDGEMENT', 'RESULT')
                union all
                select case e.kind when 'ACKNOWLEDGEMENT' then 7 else 9 end,
                    lower(e.kind) || ' email claimed, to its acceptance by the mail server', e.sent_at - e.claimed_at
                from r join notification.email e on e.request_id = r.id and e.attempts = 1
                    and e.kind in ('ACKNOWLEDGEMENT', 'RESULT'))
            select ord, name, count(*),
                percentile_disc(0.5) within group (order by extract(epoch from took)),
                percentile_disc(0.99) within group (order by extract(epoch from took))
            from hop where took is not null group by ord, name order by ord""";

    private Hops() {
    }

    /** Each hop's median and 99th percentile over the requests given; empty if the schemas cannot be read. */
    static List<Hop> of(String jdbcUrl, Collection<String> requestIds) {
        List<Hop> hops = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD); PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setArray(1, connection.createArrayOf("uuid", requestIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hops.add(new Hop(rows.getString(2), rows.getLong(3), rows.getDouble(4) * 1000,
                            rows.getDouble(5) * 1000));
                }
            }
        } catch (SQLException e) {
            System.out.println("hops not measured: " + e.getMessage());
        }
        return hops;
    }

    /**
     * One hop of the requests' path.
     *
     * @param name     from where to where, and through what
     * @param requests how many requests it was measured on
     * @param p50      median, milliseconds
     * @param p99      99th percentile, milliseconds
     */
    record Hop(String name, long requests, double p50, double p99) {
    }
}
