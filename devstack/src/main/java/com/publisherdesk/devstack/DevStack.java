package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.publisherdesk.contracts.Topics;

/**
 * The desk's real parts started together: a Kafka broker, a PostgreSQL server and an SMTP server with a mailbox, and
 * the local token issuer.
 */
public final class DevStack implements AutoCloseable {

    /** The topics the desk's services read, and those of the shipped support channels, which intake writes. */
    private static final java.util.List<String> DESK_TOPICS = java.util.stream.Stream.concat(Topics.DESK.stream(),
            Topics.SUPPORT_CHANNELS.stream()).toList();

    private final Path dataDir;
    private final boolean temporary;
    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final EmbeddedMail mail;
    private final DeskTokens tokens;
    private final String cursorKey;
    private Duration startTime;

    private DevStack(DevStackOptions options) throws IOException {
        this.temporary = options.dataDir() == null;
        this.dataDir = temporary ? Files.createTempDirectory("desk-devstack") : options.dataDir();
        Files.createDirectories(dataDir);
        this.kafka = new EmbeddedKafka(dataDir.resolve("kafka"), options.kafkaPort());
        // A temporary stack's server also stops with the JVM; the desk's is stopped by its launcher, after the
        // services that use it.
        this.database = new EmbeddedDatabase(dataDir.resolve("postgres"), options.dbPort(), temporary);
        this.mail = new EmbeddedMail(options.smtpPort(), options.imapPort(), options.mailHttpPort());
        this.tokens = DeskTokens.in(dataDir.resolve("tokens"));
        this.cursorKey = CursorKeyFile.in(dataDir.resolve("tokens").resolve("cursor.key"));
    }

    /** Starts the three parts side by side and returns once all are ready. */
    public static DevStack start(DevStackOptions options) {
        try {
            DevStack stack = new DevStack(options);
            long started = System.nanoTime();
            CompletableFuture<?> database = CompletableFuture.runAsync(stack.database::start);
            CompletableFuture<?> mail = CompletableFuture.runAsync(stack.mail::start);
            try {
                stack.kafka.start();
                stack.kafka.createTopics(DESK_TOPICS, 3);
                CompletableFuture.allOf(database, mail).join();
            } catch (RuntimeException e) {
                // A part that could not start (its port taken, say) leaves none of the others running.
                CompletableFuture.allOf(database, mail).exceptionally(failure -> null).join();
                stack.close();
                throw e;
            }
            stack.startTime = Duration.ofNanos(System.nanoTime() - started);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public EmbeddedMail mail() {
        return mail;
    }

    /** The local token issuer whose tokens the services accept. */
    public DeskTokens tokens() {
        return tokens;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Duration startTime() {
        return startTime;
    }

    /** The settings a Quarkus service needs to use these parts. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", EmbeddedDatabase.USER);
        config.put("quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.tls", "false");
        config.put("desk.mailbox.url", mail.mailboxUrl());
        config.put("desk.mail.journal.address", EmbeddedMail.JOURNAL_ADDRESS);
        config.put("desk.mail.journal.imap-host", "127.0.0.1");
        config.put("desk.mail.journal.imap-port", Integer.toString(mail.imapPort()));
        config.putAll(tokens.quarkusConfig());
        config.put("desk.cursor.key", cursorKey);
        return config;
    }

    /** Stops every part; a temporary data directory is deleted. */
    @Override
    public void close() {
        mail.stop();
        kafka.stop();
        database.stop();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
