package com.publisherdesk.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.publisherdesk.devstack.EmbeddedDatabase;

/**
 * What each stage of the desk has done, counted in the stages' own tables over one connection kept open, whose
 * server process is known so that its CPU can be left out of PostgreSQL's.
 */
final class StageCounts implements AutoCloseable {

    /** The stages of a credit request, in order, and the query that counts what each has done. */
    static final Map<String, String> STAGES = Map.of(
            "validated", "select count(*) from validation.ownership_check",
            "decided", "select count(*) from billing.credit_decision",
            "acknowledged", "select count(*) from notification.email where kind = 'ACKNOWLEDGEMENT' "
                    + "and status = 'SENT'",
            "result emailed", "select count(*) from notification.email where kind = 'RESULT' and status = 'SENT'");
    static final String[] ORDER = { "validated", "decided", "acknowledged", "result emailed" };

    private final Connection connection;
    private final long backendPid;

    private StageCounts(Connection connection) throws SQLException {
        this.connection = connection;
        this.backendPid = count("select pg_backend_pid()");
    }

    static StageCounts open(EmbeddedDatabase database) throws SQLException {
        return new StageCounts(DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD));
    }

    /** Each stage's count now. */
    Map<String, Long> now() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String stage : ORDER) {
            counts.put(stage, count(STAGES.get(stage)));
        }
        return counts;
    }

    /** Waits until every stage has done {@code requests} more than in {@code before}; false if it did not in time. */
    boolean awaitAll(Map<String, Long> before, long requests, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = now();
            if (before.keySet().stream().allMatch(stage -> now.get(stage) - before.get(stage) >= requests)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }

    /** Waits until intake's outbox is empty: everything it accepted is on the {@code requests} topic. */
    void awaitIntakeRelayed(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count("select count(*) from intake.outbox_event") > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Whether some transaction holds an advisory lock, as the outbox relays do while they send a batch (every
     * service's relay takes the same lock in the one database).
     */
    boolean advisoryLockHeld() throws SQLException {
        return count("select count(*) from pg_locks where locktype = 'advisory' and granted") > 0;
    }

    /** Whether the server keeps statement statistics ({@code pg_stat_statements}). */
    boolean keepsStatementStatistics() throws SQLException {
        return count("select count(*) from pg_extension where extname = 'pg_stat_statements'") > 0;
    }

    /** Starts the statement statistics and the write-ahead log's anew, if the server keeps them. */
    void resetStatistics() throws SQLException {
        if (keepsStatementStatistics()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_stat_statements_reset()");
                statement.execute("select pg_stat_reset_shared('wal')");
            }
        }
    }

    /**
     * The statements the services ran since {@link #resetStatistics()}, the most time first, each per request of
     * {@code requests}; the same text run by several services (on their own schemas: the outbox's, say) counts once.
     * Empty when the server keeps no statistics.
     */
    List<StatementCost> statementsPer(long requests) throws SQLException {
        Map<String, StatementCost> costs = new LinkedHashMap<>();
        if (!keepsStatementStatistics() || requests == 0) {
            return List.of();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select query, calls, rows, total_exec_time "
                        + "from pg_stat_statements where dbid = (select oid from pg_database where datname = "
                        + "current_database()) order by total_exec_time desc")) {
            while (rows.next()) {
                String query = rows.getString(1).replaceAll("\\s+", " ").strip();
                if (!isOwn(query)) {
                    costs.merge(query, new StatementCost(query, rows.getLong(2) / (double) requests,
                            rows.getLong(3) / (double) requests, rows.getDouble(4) / requests), StatementCost::plus);
                }
            }
        }
        List<StatementCost> mostTimeFirst = new ArrayList<>(costs.values());
        mostTimeFirst.sort(Comparator.comparingDouble(StatementCost::milliseconds).reversed());
        return mostTimeFirst;
    }

    /**
     * What the write-ahead log took per request of {@code requests} since {@link #resetStatistics()}: records, bytes
     * and flushes to disk (each commit that wrote waits for one, or shares one with commits at the same time); empty
     * when the server keeps no statistics.
     */
    Optional<WalCost> walPer(long requests) throws SQLException {
        if (!keepsStatementStatistics() || requests == 0) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet wal = statement.executeQuery("select wal_records, wal_bytes, wal_sync from pg_stat_wal")) {
            wal.next();
            return Optional.of(new WalCost(wal.getLong(1) / (double) requests, wal.getLong(2) / (double) requests,
                    wal.getLong(3) / (double) requests));
        }
    }

    /** Whether {@code query} is one this benchmark runs itself, to count stages or read statistics. */
    private static boolean isOwn(String query) {
        return STAGES.values().stream().anyMatch(stage -> query.startsWith(stage.substring(0, stage.indexOf('.'))))
                || query.contains("pg_stat_") || query.contains("pg_locks") || query.contains("pg_backend_pid")
                || query.contains("intake.outbox_event") || query.contains("pg_extension");
    }

    /**
     * What one statement cost, per request.
     *
     * @param query        its text, constants replaced by parameters
     * @param calls        times it ran per request
     * @param rows         rows it read or wrote per request
     * @param milliseconds time the server spent running it per request (waits for locks and flushes included)
     */
    record StatementCost(String query, double calls, double rows, double milliseconds) {

        /** This statement's cost and {@code other}'s, of the same text, together. */
        StatementCost plus(StatementCost other) {
            return new StatementCost(query, calls + other.calls, rows + other.rows, milliseconds + other.milliseconds);
        }
    }

    /**
     * What the write-ahead log took, per request.
     *
     * @param records records written
     * @param bytes   bytes written
     * @param flushes flushes to disk
     */
    record WalCost(double records, double bytes, double flushes) {
    }

    /** The PostgreSQL server process that answers this connection's queries. */
    long backendPid() {
        return backendPid;
    }

    /** The postmaster: the parent of every PostgreSQL process of this database server. */
    long serverPid() {
        return ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server above process " + backendPid));
    }

    /** The count {@code sql} gives, zero while the service that owns the table has not created it yet. */
    long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
