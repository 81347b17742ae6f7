package com.publisherdesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One desk service running as its own JVM from its packaged {@code quarkus-run.jar}, as in production. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The application class-data archive the build writes beside a service's jar
     * ({@code quarkus.package.jar.appcds.enabled}): classes loaded from it start the service faster.
     */
    private static final String CLASS_ARCHIVE = "app-cds.jsa";


    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;
    private long startedAt;
    private Duration startTime;

    /**
     * Describes a service without starting it, its health and metrics on a management port free right now.
     *
     * @param name        the module name, e.g. {@code request-intake}
     * @param port        its HTTP port
     * @param jar         its {@code target/quarkus-app/quarkus-run.jar}
     * @param log         where its output goes (appended)
     * @param environment its configuration, as environment variables
     * @param jvmOptions  extra JVM options, e.g. heap limits
     */
    public ServiceProcess(String name, int port, Path jar, Path log, Map<String, String> environment,
            List<String> jvmOptions) {
        this(name, port, Ports.free(), jar, log, environment, jvmOptions);
    }

    /**
     * Describes a service without starting it.
     *
     * @param name           the module name, e.g. {@code request-intake}
     * @param port           its HTTP port
     * @param managementPort the port of its health and metrics ({@code /q/health}, {@code /q/metrics})
     * @param jar            its {@code target/quarkus-app/quarkus-run.jar}
     * @param log            where its output goes (appended)
     * @param environment    its configuration, as environment variables
     * @param jvmOptions     extra JVM options, e.g. heap limits
     */
    public ServiceProcess(String name, int port, int managementPort, Path jar, Path log,
            Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = jar;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady(Duration)}). */
    public synchronized ServiceProcess start() throws IOException {
        return start(Map.of());
    }

    /** Starts the JVM with settings added to its usual ones, as for a fault-injection test. */
    public synchronized ServiceProcess start(Map<String, String> extraEnvironment) throws IOException {
        if (isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw package)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Path classArchive = jar.resolveSibling(CLASS_ARCHIVE);
        boolean archived = Files.isRegularFile(classArchive);
        if (archived) {
            // The archive holds the classes as loaded at build time from the jar's own directory, by that name.
            command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
        }
        command.add("-jar");
        command.add(archived ? jar.getFileName().toString() : jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile().getAbsoluteFile()));
        if (archived) {
            builder.directory(jar.toAbsolutePath().getParent().toFile());
        }
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        startedAt = System.nanoTime();
        startTime = null;
        process = builder.start();
        return this;
    }

    /** Waits until the service's readiness check (database and Kafka included) answers UP. */
    public Duration awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady()) {
                if (startTime == null) {
                    startTime = Duration.ofNanos(System.nanoTime() - startedAt);
                }
                return startTime;
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Whether the readiness endpoint answers 200. */
    public boolean isReady() {
        return healthy("/q/health/ready");
    }

    /** Whether the liveness endpoint answers 200 within two seconds: a frozen or wedged service does not. */
    public boolean isLive() {
        return healthy("/q/health/live");
    }

    private boolean healthy(String check) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + check))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process at once, as {@code kill -9} would: no shutdown hook runs. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** Asks the process to stop (SIGTERM) and returns at once; {@link #close()} waits for it. */
    public synchronized void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Stops the process gracefully (SIGTERM), killing it if it takes longer than ten seconds. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(10))) {
                kill();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its health and metrics answer: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    /** The process id, for measuring its footprint. */
    public long pid() {
        return process.pid();
    }

    /** How long the last start took until it was first seen ready, if it got there. */
    public Duration startTime() {
        return startTime;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service", e);
        }
    }
}
