package com.publisherdesk.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four desk services (and the portal, when asked for) as separate processes on one set of real parts. */
public final class DeskServices implements AutoCloseable {

    /** The services and their default HTTP ports. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();
    /** The portal's module name. */
    public static final String PORTAL = "portal";
    /** The portal's port on the embedded desk. */
    public static final int PORTAL_PORT = 8090;
    /** How far above its HTTP port a service of the embedded desk has its management port (8080: 9080). */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** The Quarkus profile every service of the embedded desk runs in. */
    public static final String EMBEDDED_PROFILE = "embedded";
    /**
     * The JVM options of every service of {@code ./desk run}, where five JVMs start at once on a small machine: the
     * serial collector and the first compiler tier only. The heap is left to start at its default size: a heap that
     * starts small (32 MB, given back after each full collection) held a service at rest at 206-214 MiB instead of
     * about 280, but at 20 credit requests a second its frequent collections made the decision's p50 2.6 times and the
     * result email's 18 times as long.
     */
    public static final List<String> DESK_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final List<ServiceProcess> processes;

    private DeskServices(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /**
     * Describes the services built under {@code projectRoot}, each on its port (and its health and metrics on a port
     * free right now), logging under {@code logDir}.
     *
     * @param projectRoot the checkout, holding each module's {@code target/quarkus-app}
     * @param ports       the HTTP port of each service by module name
     * @param environment configuration shared by all (database, Kafka, SMTP)
     * @param logDir      where each service's output goes
     * @param jvmOptions  JVM options for every service
     */
    public static DeskServices of(Path projectRoot, Map<String, Integer> ports, Map<String, String> environment,
            Path logDir, List<String> jvmOptions) {
        return of(projectRoot, ports, false, environment, logDir, jvmOptions);
    }

    /**
     * Describes the services of the embedded desk, each on its port and its health and metrics on that port plus
     * {@link #MANAGEMENT_PORT_OFFSET} (the services' own defaults), logging under {@code logDir}.
     */
    public static DeskServices onDocumentedPorts(Path projectRoot, Map<String, Integer> ports,
            Map<String, String> environment, Path logDir, List<String> jvmOptions) {
        return of(projectRoot, ports, true, environment, logDir, jvmOptions);
    }

    private static DeskServices of(Path projectRoot, Map<String, Integer> ports, boolean documentedManagementPorts,
            Map<String, String> environment, Path logDir, List<String> jvmOptions) {
        Map<String, String> wired = new LinkedHashMap<>(environment);
        // The embedded desk's profile: switches meant for this machine alone (a webhook receiver on loopback, the
        // portal's local sign-in) are honoured in it and in no other.
        wired.put("QUARKUS_PROFILE", EMBEDDED_PROFILE);
        if (ports.containsKey("validation-service")) {
            wired.put("VALIDATION_URL", "http://127.0.0.1:" + ports.get("validation-service"));
        }
        if (ports.containsKey("request-intake")) {
            wired.put("INTAKE_URL", "http://127.0.0.1:" + ports.get("request-intake"));
            // The emails quote the address publishers call: the desk's own intake, unless a public one is given.
            wired.putIfAbsent("PUBLIC_API_URL", "http://127.0.0.1:" + ports.get("request-intake"));
        }
        List<ServiceProcess> processes = new ArrayList<>();
        ports.forEach((name, port) -> processes.add(new ServiceProcess(name, port,
                documentedManagementPorts ? port + MANAGEMENT_PORT_OFFSET : Ports.free(),
                projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), logDir.resolve(name + ".log"),
                PORTAL.equals(name) ? portalEnvironment(wired, ports) : wired, jvmOptions)));
        return new DeskServices(processes);
    }

    /** {@code ports} with the portal added on {@code port}. */
    public static Map<String, Integer> withPortal(Map<String, Integer> ports, int port) {
        Map<String, Integer> all = new LinkedHashMap<>(ports);
        all.put(PORTAL, port);
        return all;
    }

    /**
     * The portal of the embedded desk: its sign-in page signs tokens with the desk's local issuer (the key beside the
     * verification key), and it calls the four services' addresses.
     */
    private static Map<String, String> portalEnvironment(Map<String, String> wired, Map<String, Integer> ports) {
        Map<String, String> env = new LinkedHashMap<>(wired);
        String verificationKey = wired.get("JWT_VERIFY_KEY");
        if (verificationKey != null) {
            env.put("DESK_TOKEN_SIGNING_KEY", Path.of(verificationKey).resolveSibling(DeskTokens.SIGNING_KEY)
                    .toString());
        }
        Map<String, String> urls = Map.of("billing-credit-service", "BILLING_URL", "notification-service",
                "NOTIFICATION_URL");
        urls.forEach((service, variable) -> {
            if (ports.containsKey(service)) {
                env.put(variable, "http://127.0.0.1:" + ports.get(service));
            }
        });
        return env;
    }

    /** Each service on a port free right now, for tests beside a running desk. */
    public static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, Ports.free()));
        return ports;
    }

    /** The environment variables the services read, for one {@link DevStack}. */
    public static Map<String, String> environmentFor(Map<String, String> quarkusConfig) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", quarkusConfig.get("kafka.bootstrap.servers"));
        env.put("DB_URL", quarkusConfig.get("quarkus.datasource.jdbc.url"));
        env.put("DB_USER", quarkusConfig.get("quarkus.datasource.username"));
        env.put("DB_PASSWORD", quarkusConfig.get("quarkus.datasource.password"));
        env.put("SMTP_HOST", quarkusConfig.get("quarkus.mailer.host"));
        env.put("SMTP_PORT", quarkusConfig.get("quarkus.mailer.port"));
        env.put("MAIL_JOURNAL_ADDRESS", quarkusConfig.get("desk.mail.journal.address"));
        env.put("MAIL_JOURNAL_IMAP_HOST", quarkusConfig.get("desk.mail.journal.imap-host"));
        env.put("MAIL_JOURNAL_IMAP_PORT", quarkusConfig.get("desk.mail.journal.imap-port"));
        env.put("JWT_VERIFY_KEY", quarkusConfig.get("mp.jwt.verify.publickey.location"));
        env.put("JWT_ISSUER", quarkusConfig.get("mp.jwt.verify.issuer"));
        env.put("JWT_AUDIENCE", quarkusConfig.get("mp.jwt.verify.audiences"));
        env.put("CURSOR_KEY", quarkusConfig.get("desk.cursor.key"));
        // Plain-text logs on this machine (.desk-data/logs); JSON lines are for a deployment's log collector.
        env.put("LOG_JSON", "false");
        return env;
    }

    /** Starts every service at once and waits until all are ready. */
    public DeskServices startAll(Duration timeout) throws IOException {
        for (ServiceProcess process : processes) {
            process.start();
        }
        for (ServiceProcess process : processes) {
            process.awaitReady(timeout);
        }
        return this;
    }

    public List<ServiceProcess> all() {
        return processes;
    }

    /** One service by module name. */
    public ServiceProcess get(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /** Stops every service: all are asked at once, so that stopping takes as long as the slowest, not the sum. */
    @Override
    public void close() {
        processes.forEach(ServiceProcess::terminate);
        processes.forEach(ServiceProcess::close);
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("request-intake", 8080);
        ports.put("validation-service", 8081);
        ports.put("billing-credit-service", 8082);
        ports.put("notification-service", 8083);
        return java.util.Collections.unmodifiableMap(ports);
    }
}
