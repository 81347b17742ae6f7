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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.DevStack;
import com.publisherdesk.devstack.DevStackOptions;
import com.publisherdesk.devstack.EmbeddedDatabase;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * {@code ./desk bench}: starts the desk on embedded defaults and measures the backlog drain, end-to-end latency,
 * durable intake, overload and footprint, each beside a baseline measured in the same run on the same machine; writes
 * docs/benchmarks.md, its plot, and a row of docs/benchmark-runs.tsv.
 */
public final class DeskBenchmark {

    static final int DRAIN_REQUESTS = Integer.getInteger("bench.drain-requests", 2000);
    static final int DRAIN_WARMUP = Integer.getInteger("bench.drain-warmup", 3000);
    /**
     * The services' JVM options: those {@code ./desk run} starts them with, or with {@code -Dbench.jvm=default} the
     * JDK's default collector and both compiler tiers (with a 384 MB heap). On two cores the defaults took 4-5 times
     * as long to decide a request at 10/s (422 against 89 ms at p50), their compilers competing with the services.
     */
    static final List<String> JVM_OPTIONS = "default".equals(System.getProperty("bench.jvm")) ? List.of("-Xmx384m")
            : DeskServices.DESK_JVM_OPTIONS;
    static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.step-seconds", 6));
    private static final double COMPARED_RATE = 10;
    private static final int[] OVERLOAD_MULTIPLES = { 2, 4 };

    /** The bearer token every benchmark request presents: northwind's administrator, from the stack's issuer. */
    private static volatile String token;

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        // What PostgreSQL runs for the drain, statement by statement, unless -Ddevstack.statement-statistics=false.
        System.setProperty(EmbeddedDatabase.STATEMENT_STATISTICS,
                System.getProperty(EmbeddedDatabase.STATEMENT_STATISTICS, "true"));
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        RunFigures figures = new RunFigures(Machine.commit(root));
        try (DevStack stack = DevStack.start(DevStackOptions.forTests())) {
            token = stack.tokens().person("admin@northwind.example");
            Map<String, String> environment = new LinkedHashMap<>(DeskServices.environmentFor(stack.quarkusConfig()));
            environment.put("DEMO_DATA", "true");
            if (!partial()) {
                figures.startUp = StartUp.measure(root, environment, stack.dataDir().resolve("logs"));
            }
            try (DeskServices services = DeskServices.of(root, DeskServices.freePorts(), environment,
                    stack.dataDir().resolve("logs"), Drain.recorded(JVM_OPTIONS, Drain.INTAKE))) {
                ServiceProcess intake = services.get(Drain.INTAKE).start();
                intake.awaitReady(Duration.ofMinutes(3));
                figures.footprintAtRest(intake.name(), intake.startTime(), Footprint.rssMegabytes(intake.pid()));
                System.out.println("warming intake up (unmeasured)...");
                OpenLoad.run(20, Duration.ofSeconds(10), n -> creditRequest(intake.url()), 202, null);
                if (Boolean.getBoolean("bench.intake-only")) {
                    // For studying intake alone without the whole run (nothing is written to docs/): warm it first.
                    OpenLoad.run(100, Duration.ofSeconds(40), n -> creditRequest(intake.url()), 202, null);
                    Ladder.climb("intake alone", n -> creditRequest(intake.url()), 202);
                    return;
                }
                Drain drain = new Drain(stack, root, environment, JVM_OPTIONS);
                try (Drain.Consumers consumers = drain.start(1)) {
                    if (Boolean.getBoolean("bench.overload-only")) {
                        measureOverload(figures, intake);
                        return;
                    }
                    for (ServiceProcess consumer : consumers.processes()) {
                        figures.footprintAtRest(consumer.name(), consumer.startTime(),
                                Footprint.rssMegabytes(consumer.pid()));
                    }
                    figures.drains.add(printed(drain.run(consumers, intake, DRAIN_WARMUP, DRAIN_REQUESTS)));
                    if (Boolean.getBoolean("bench.drain-only")) {
                        return;
                    }
                    if (Boolean.getBoolean("bench.latency-only")) {
                        // For studying latency: the drain sets the half rate, then the end-to-end rows alone.
                        measureEndToEnd(figures, stack, intake.url(), counts -> Drain.cpuByProcess(consumers,
                                intake, counts));
                        return;
                    }
                    measureWithDesk(figures, stack, intake.url(), intake.managementUrl(),
                            counts -> Drain.cpuByProcess(consumers, intake, counts));
                    figures.footprintUnderLoad(intake.name(), Footprint.rssMegabytes(intake.pid()));
                    for (ServiceProcess consumer : consumers.processes()) {
                        figures.footprintUnderLoad(consumer.name(), Footprint.rssMegabytes(consumer.pid()));
                    }
                }
                try (StageCounts counts = StageCounts.open(stack.database())) {
                    counts.awaitIntakeRelayed(Duration.ofMinutes(5));
                }
                figures.intakeAlone.addAll(Ladder.climb("intake alone", n -> creditRequest(intake.url()), 202));
                if (Boolean.getBoolean("bench.scale-out")) {
                    try (Drain.Consumers consumers = drain.start(2)) {
                        figures.drains.add(printed(drain.run(consumers, intake, DRAIN_WARMUP, DRAIN_REQUESTS)));
                    }
                }
            }
        }
        RunHistory history = new RunHistory(root);
        history.append(figures);
        Files.createDirectories(root.resolve("docs"));
        LatencyPlot.write(figures, root.resolve("docs/benchmark-latency.png"));
        Files.writeString(root.resolve("docs/benchmarks.md"), new MarkdownReport(figures)
                .render(history.markdownTable()));
        System.out.println(Files.readString(root.resolve("docs/benchmarks.md")));
    }

    /** Whether this run measures one part only (see the {@code bench.*-only} switches), not the whole report. */
    private static boolean partial() {
        return Boolean.getBoolean("bench.intake-only") || Boolean.getBoolean("bench.drain-only")
                || Boolean.getBoolean("bench.latency-only")
                || Boolean.getBoolean("bench.overload-only");
    }

    /**
     * With the warm consumers of the drain working: end-to-end latency at 10/s and at half the drain rate, the
     * durability and framework baselines, the intake ladder, and overload at multiples of its saturation.
     */
    private static void measureWithDesk(RunFigures figures, DevStack stack, String intake, String intakeManagement,
            Function<StageCounts, Map<String, Long>> cpu) throws Exception {
        measureEndToEnd(figures, stack, intake, cpu);
        figures.commitsPerSecond = insertCommitsPerSecond(stack);
        figures.framework.addAll(Ladder.climb("framework", n -> get(intakeManagement + "/q/health/live"), 200));
        figures.intake.addAll(Ladder.climb("intake, desk working", n -> creditRequest(intake), 202));
        overload(figures, intake);
    }

    /** End-to-end latency at 10/s and at half the drain rate, each rate started on an idle desk. */
    private static void measureEndToEnd(RunFigures figures, DevStack stack, String intake,
            Function<StageCounts, Map<String, Long>> cpu) throws Exception {
        figures.halfSaturationRate = Math.max(1, Math.round(figures.drain().orElseThrow().rate() * 5) / 10.0);
        EndToEnd endToEnd = new EndToEnd(stack);
        for (double rate : new TreeSet<>(List.of(COMPARED_RATE, figures.halfSaturationRate))) {
            EndToEnd.Latencies latencies;
            try (StageCounts counts = StageCounts.open(stack.database())) {
                Callable<Duration> awaitIdle = () -> DeskIdle.await(stack.kafka().bootstrapServers(), counts,
                        Duration.ofMinutes(5));
                awaitIdle.call();
                figures.kafka.put(rate, endToEnd.rawKafka(rate, STEP));
                latencies = endToEnd.desk(rate, STEP, intake, () -> cpu.apply(counts), awaitIdle);
            }
            figures.endToEnd.put(rate, latencies);
            System.out.printf("end to end at %.1f/s: decision p50 %.0f / p99 %.0f ms, result email p50 %.0f / p99 %.0f "
                    + "ms; the machine %.0f %% busy%n", rate, millis(latencies.decisions(), 50),
                    millis(latencies.decisions(), 99), millis(latencies.results(), 50), millis(latencies.results(), 99),
                    100 * latencies.busy());
            System.out.printf("  CPU ms per request %s%n", rounded(latencies.cpuPerRequest()));
            latencies.hops().forEach(hop -> System.out.printf("  %-75s p50 %6.0f / p99 %6.0f ms (%d)%n", hop.name(),
                    hop.p50(), hop.p99(), hop.requests()));
        }
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Offers multiples of intake's saturation rate (with the desk working) and records the goodput. */
    private static void overload(RunFigures figures, String intake) throws InterruptedException {
        for (int multiple : OVERLOAD_MULTIPLES) {
            OpenLoad.Result overload = OpenLoad.run(figures.intakeSaturation() * multiple, STEP,
                    n -> creditRequest(intake), 202, null);
            figures.overload.add(overload);
            System.out.printf("overload %d×: %.1f/s accepted, %.1f %% not accepted, %d timeouts, p99 %.0f ms, "
                    + "non-2xx p99 %.0f ms%n", multiple, overload.throughput(), overload.failedPercent(),
                    overload.timeouts(), overload.p99Millis(), overload.refusalP99Millis());
        }
    }

    /**
     * {@code -Dbench.overload-only=true}: the intake ladder and overload alone, with the consumers working off what
     * the ladder files; for studying overload without the whole run (nothing is written to docs/).
     */
    private static void measureOverload(RunFigures figures, ServiceProcess intake) throws Exception {
        figures.intake.addAll(Ladder.climb("intake, desk working", n -> creditRequest(intake.url()), 202));
        overload(figures, intake.url());
    }

    private static Drain.Result printed(Drain.Result drained) {
        System.out.printf("backlog of %d drained with %d instance(s) of each consumer: %.1f/s (raw consumer %.0f/s), "
                + "each stage %s/s, CPU ms per request %s, ceiling %.1f/s%n", drained.requests(),
                drained.instances(), drained.rate(), drained.rawPerSecond(), rounded(drained.stageRates()),
                rounded(drained.cpuPerRequest()), drained.ceiling());
        drained.wal().ifPresent(wal -> System.out.printf("PostgreSQL per request: %.1f statements, %.1f log records, "
                + "%.0f log bytes, %.2f log flushes%n", drained.statementsPerRequest(), wal.records(), wal.bytes(),
                wal.flushes()));
        drained.statements().stream().limit(25).forEach(statement -> System.out.printf("  %6.2f calls %6.2f rows "
                + "%6.2f ms  %.150s%n", statement.calls(), statement.rows(), statement.milliseconds(),
                statement.query()));
        return drained;
    }

    private static Map<String, String> rounded(Map<String, Double> figures) {
        Map<String, String> rounded = new LinkedHashMap<>();
        figures.forEach((name, figure) -> rounded.put(name, String.format(Locale.ROOT, "%.1f", figure)));
        return rounded;
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
        return HttpRequest.newBuilder(URI.create(url)).timeout(OpenLoad.CLIENT_TIMEOUT).build();
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
                .timeout(OpenLoad.CLIENT_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
