package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from packaged binaries, with a {@code desk} database; restartable on its data. */
public final class EmbeddedDatabase {

    public static final String DATABASE = "desk";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /**
     * A system property: when {@code true}, the server keeps statistics of every statement it runs
     * ({@code pg_stat_statements}, in the desk database), as the benchmark reads them. Off by default: it costs a
     * little on every statement.
     */
    public static final String STATEMENT_STATISTICS = "devstack.statement-statistics";

    private final Path dataDir;
    private final Path workDir;
    private final int port;
    private final boolean stopsWithJvm;
    private EmbeddedPostgres server;

    /**
     * Describes a server without starting it.
     *
     * @param dataDir where the cluster lives; reused across restarts
     * @param port    the port (0 picks a free one, kept across restarts)
     */
    public EmbeddedDatabase(Path dataDir, int port) {
        this(dataDir, port, true);
    }

    /**
     * Describes a server without starting it.
     *
     * @param dataDir     where the cluster lives; reused across restarts
     * @param port        the port (0 picks a free one, kept across restarts)
     * @param stopsWithJvm whether the server also stops as soon as this JVM begins to exit; false for an owner that
     *                    stops it itself, after the services that use it (as {@code ./desk run} does)
     */
    public EmbeddedDatabase(Path dataDir, int port, boolean stopsWithJvm) {
        this.dataDir = dataDir;
        this.workDir = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
        this.port = Ports.orFree(port);
        this.stopsWithJvm = stopsWithJvm;
    }

    /** Starts the server (initializing the cluster on first use) and creates the desk database if absent. */
    public synchronized EmbeddedDatabase start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(workDir);
            boolean statementStatistics = Boolean.getBoolean(STATEMENT_STATISTICS);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            server = builder
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopsWithJvm)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabase();
            if (statementStatistics) {
                try (Connection connection = server.getDatabase(USER, DATABASE).getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("create extension if not exists pg_stat_statements");
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep statement statistics in " + dataDir, e);
        }
    }

    /** Stops the server (a fast shutdown); its data stays for the next start. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    private void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
            statement.execute("alter user " + USER + " with password '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the desk database", e);
        }
    }
}
