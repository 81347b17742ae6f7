package com.publisherdesk.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./desk run}: starts the real parts on the documented ports with a persistent data directory, then the four
 * services and the portal as separate JVMs with the demo data set, prints where everything is, and stops it all on
 * Ctrl-C or SIGTERM ({@code ./desk stop}, which finds it by its pid file).
 */
public final class DeskLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String PARTS_LOG = "logs/desk.log";
    private static volatile boolean stopping;

    private DeskLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path dataDir = Path.of(options.getOrDefault("--data-dir", ".desk-data")).toAbsolutePath();
        Path projectRoot = Path.of(options.getOrDefault("--project-root", ".")).toAbsolutePath();
        // What the broker, the database and the mail server say goes to a file; this terminal is the desk's.
        Files.createDirectories(dataDir.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", dataDir.resolve(PARTS_LOG).toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Optional<ProcessHandle> other = DeskPidFile.running(dataDir);
        if (other.isPresent()) {
            System.err.println("desk: the desk is already running on " + dataDir + " (pid " + other.get().pid()
                    + "): ./desk stop stops it");
            System.exit(1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running, dataDir, stopped), "desk-shutdown"));
        DeskPidFile.write(dataDir);
        try {
            start(dataDir, projectRoot, running);
        } catch (RuntimeException | IOException e) {
            if (stopping) {
                return; // Stopped while starting (Ctrl-C, ./desk stop): the services it stopped are no failure.
            }
            System.err.println("desk: could not start: " + rootCause(e).getMessage() + " (see "
                    + dataDir.resolve(PARTS_LOG) + ")");
            System.exit(1);
        }
        stopped.await();
    }

    private static void start(Path dataDir, Path projectRoot, List<AutoCloseable> running) throws IOException {
        long started = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL and the mail server (data in " + dataDir + ")...");
        DevStack stack = DevStack.start(DevStackOptions.forDesk(dataDir));
        running.add(stack);
        System.out.printf("Real parts ready in %.1f s. Starting the services...%n", stack.startTime().toMillis() / 1e3);

        Map<String, String> environment = new LinkedHashMap<>(DeskServices.environmentFor(stack.quarkusConfig()));
        environment.put("DEMO_DATA", "true");
        if (System.getenv("PUBLIC_API_URL") != null) {
            environment.put("PUBLIC_API_URL", System.getenv("PUBLIC_API_URL"));
        }
        // On this machine a publisher's webhook receiver may run on loopback (refused outside the embedded desk).
        environment.put("WEBHOOKS_ALLOW_LOOPBACK", "true");
        DeskServices services = DeskServices.onDocumentedPorts(projectRoot,
                DeskServices.withPortal(DeskServices.DEFAULT_PORTS, DeskServices.PORTAL_PORT), environment,
                dataDir.resolve("logs"), DeskServices.DESK_JVM_OPTIONS);
        running.add(0, services);
        services.startAll(READY_TIMEOUT);
        running.add(0, new ServiceSupervisor(services.all(), Duration.ofSeconds(5), 3, System.out::println));
        printSummary(stack, services, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e : cause;
    }

    private static void printSummary(DevStack stack, DeskServices services, Duration total) {
        System.out.printf("%nPublisher Desk is up in %.1f s.%n%n", total.toMillis() / 1e3);
        for (ServiceProcess service : services.all()) {
            if (DeskServices.PORTAL.equals(service.name())) {
                System.out.printf("  %-24s %s   (pages for publishers, agents and operators; log %s)%n",
                        service.name(), service.url(), service.log());
            } else {
                System.out.printf("  %-24s %s   (API docs %s/q/swagger-ui, health and metrics %s/q, log %s)%n",
                        service.name(), service.url(), service.url(), service.managementUrl(), service.log());
            }
        }
        System.out.printf("%n  %-24s %s%n", "Kafka", stack.kafka().bootstrapServers());
        System.out.printf("  %-24s %s (user %s, password %s)%n", "PostgreSQL", stack.database().jdbcUrl(),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
        System.out.printf("  %-24s smtp 127.0.0.1:%d, imap 127.0.0.1:%d%n", "Mail server", stack.mail().smtpPort(),
                stack.mail().imapPort());
        System.out.printf("  %-24s ./desk mail   (or %s/messages.txt, JSON at %s/messages)%n", "Emails sent",
                stack.mail().mailboxUrl(), stack.mail().mailboxUrl());
        System.out.printf("  %-24s ./desk events credit-decisions%n", "Events");
        System.out.printf("  %-24s ./desk token admin@northwind.example   (--role support-agent | operator)%n",
                "Bearer tokens");
        System.out.printf("  %-24s %s%n", "Token verification key", stack.tokens().verificationKeyFile());
        System.out.printf("%nA service that exits or stops answering its liveness check is restarted.%n");
        System.out.printf("Try it: see \"Try it\" in README.md. ./desk status shows what runs; Ctrl-C (or ./desk stop"
                + " from another terminal) stops everything.%n");
    }

    private static void stopAll(List<AutoCloseable> running, Path dataDir, CountDownLatch stopped) {
        stopping = true;
        long started = System.nanoTime();
        System.out.println("\nStopping the desk...");
        for (AutoCloseable part : running) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
        DeskPidFile.remove(dataDir);
        stopped.countDown();
        System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }
}
