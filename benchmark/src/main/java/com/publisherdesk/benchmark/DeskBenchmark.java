package com.publisherdesk.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.DevStack;
import com.publisherdesk.devstack.DevStackOptions;
import com.publisherdesk.devstack.EmbeddedDatabase;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * {@code ./desk bench}: starts the desk on embedded defaults and measures durable intake, end-to-end latency and
 * footprint, each beside a baseline measured in the same run on the same machine; writes docs/benchmarks.md.
 */
public final class DeskBenchmark {

    static final double[] INTAKE_RATES = { 25, 50, 100, 200, 400 };
    static final double[] E2E_RATES = { 5, 10, 20 };
    static final int DRAIN_REQUESTS = Integer.getInteger("bench.drain-requests", 1000);
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m");
    static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.step-seconds", 6));

    /** The bearer token every benchmark request presents: northwind's administrator, from the stack's issuer. */
    private static volatile String token;

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Report report = new Report(root);
        try (DevStack stack = DevStack.start(DevStackOptions.forTests())) {
            token = stack.tokens().person("admin@northwind.example");
            Map<String, String> environment = new LinkedHashMap<>(DeskServices.environmentFor(stack.quarkusConfig()));
            environment.put("DEMO_DATA", "true");
            try (DeskServices services = DeskServices.of(root, DeskServices.freePorts(), environment,
                    stack.dataDir().resolve("logs"), JVM_OPTIONS)) {
                ServiceProcess intakeService = services.get("request-intake").start();
                intakeService.awaitReady(Duration.ofMinutes(3));
                String intake = intakeService.url();
                System.out.println("warming intake up (unmeasured)...");
                OpenLoad.run(20, Duration.ofSeconds(10), n -> creditRequest(intake), 202, null);
                Drain drain = new Drain(stack, root, environment, JVM_OPTIONS);
                for (int instances : new int[] { 1, 2 }) {
                    Drain.Result drained = drain.run(intake, DRAIN_REQUESTS, instances);
                    report.drain(drained);
                    System.out.printf("backlog of %d drained with %d instance(s) of each consumer: %.1f/s, CPU ms per "
                            + "request %s%n", DRAIN_REQUESTS, instances, drained.rate(), drained.cpuPerRequest());
                    if (Boolean.getBoolean("bench.drain-only")) {
                        return;
                    }
                }
                for (String consumer : Drain.CONSUMERS) {
                    services.get(consumer).start();
                }
                for (ServiceProcess service : services.all()) {
                    service.awaitReady(Duration.ofMinutes(3));
                }
                for (ServiceProcess service : services.all()) {
                    report.footprintAtRest(service.name(), service.startTime(), Footprint.rssMegabytes(service.pid()));
                }
                System.out.println("warming the desk up (unmeasured)...");
                OpenLoad.run(10, Duration.ofSeconds(20), n -> creditRequest(intake), 202, null);
                EndToEnd endToEnd = new EndToEnd(stack);
                for (double rate : E2E_RATES) {
                    report.kafkaBaseline(rate, endToEnd.rawKafka(rate, STEP));
                    report.endToEnd(rate, endToEnd.desk(rate, STEP, intake));
                    System.out.printf("end to end at %.0f/s done%n", rate);
                }
                report.databaseCommits(insertCommitsPerSecond(stack));
                for (double rate : INTAKE_RATES) {
                    report.framework(OpenLoad.run(rate, STEP, n -> get(intake + "/q/health/live"), 200, null));
                }
                for (double rate : INTAKE_RATES) {
                    report.intake(OpenLoad.run(rate, STEP, n -> creditRequest(intake), 202, null));
                    System.out.printf("intake at %.0f/s done%n", rate);
                }
                for (ServiceProcess service : services.all()) {
                    report.footprintUnderLoad(service.name(), Footprint.rssMegabytes(service.pid()));
                }
                for (String consumer : Drain.CONSUMERS) {
                    services.get(consumer).close();
                }
                for (double rate : INTAKE_RATES) {
                    report.intakeAlone(OpenLoad.run(rate, STEP, n -> creditRequest(intake), 202, null));
                    System.out.printf("intake alone at %.0f/s done%n", rate);
                }
            }
        }
        report.write();
        System.out.println(Files.readString(root.resolve("docs/benchmarks.md")));
    }

    /** The durability limit: single-row insert commits per second into the same PostgreSQL, four writers. */
    static double insertCommitsPerSecond(DevStack stack) throws Exception {
        String url = stack.database().jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists public.bench_commit (id uuid primary key, body text)");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + STEP.toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            writers.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER,
                        EmbeddedDatabase.PASSWORD);
                        PreparedStatement insert = connection.prepareStatement(
                                "insert into public.bench_commit values (?, ?)")) {
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "{\"amount\":\"120.00\"}");
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            });
        }
        writers.shutdown();
        writers.awaitTermination(STEP.toSeconds() + 30, TimeUnit.SECONDS);
        return commits.get() / (double) STEP.toSeconds();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    }

    /** A credit request for a subscription of its own, so that no request overlaps another. */
    static HttpRequest creditRequest(String intake) {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String body = "{\"subscriptionId\":\"bench-" + UUID.randomUUID() + "\",\"customerName\":\"Bench Customer\","
                + "\"amount\":\"12.00\",\"currency\":\"EUR\",\"creditPeriod\":{\"from\":\"" + month + "\",\"to\":\""
                + month.plusMonths(1).minusDays(1) + "\"},\"billingDate\":\"" + month.plusMonths(1) + "\","
                + "\"reason\":{\"code\":\"service-outage\",\"description\":\"benchmark\"}}";
        return HttpRequest.newBuilder(URI.create(intake + "/v1/publishers/northwind/credit-requests"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Collects the request ids from accepted answers. */
    static List<OpenLoad.Sent> drain(ConcurrentLinkedQueue<OpenLoad.Sent> sent) {
        return new ArrayList<>(sent);
    }
}
