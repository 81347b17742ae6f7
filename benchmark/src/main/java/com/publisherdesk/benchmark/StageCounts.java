package com.publisherdesk.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private long count(String sql) throws SQLException {
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
