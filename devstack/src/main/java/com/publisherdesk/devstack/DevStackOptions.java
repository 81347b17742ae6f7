package com.publisherdesk.devstack;

import java.nio.file.Path;

/**
 * Where the real parts keep their data and which ports they listen on (0 picks a free port).
 *
 * @param dataDir     the data directory, kept across runs; null for a temporary one deleted on close
 * @param kafkaPort   the Kafka client port
 * @param dbPort      the PostgreSQL port
 * @param smtpPort    the SMTP port
 * @param imapPort    the IMAP port
 * @param mailHttpPort the HTTP mailbox port
 */
public record DevStackOptions(Path dataDir, int kafkaPort, int dbPort, int smtpPort, int imapPort, int mailHttpPort) {

    /** A throw-away stack on free ports, for tests. */
    public static DevStackOptions forTests() {
        return new DevStackOptions(null, 0, 0, 0, 0, 0);
    }

    /** A persistent stack on the documented ports, each overridable by an environment variable. */
    public static DevStackOptions forDesk(Path dataDir) {
        return new DevStackOptions(dataDir, port("DESK_KAFKA_PORT", 9092), port("DESK_DB_PORT", 5433),
                port("DESK_SMTP_PORT", 2525), port("DESK_IMAP_PORT", 3143), port("DESK_MAIL_HTTP_PORT", 8025));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
