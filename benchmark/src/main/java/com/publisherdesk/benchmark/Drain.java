package com.publisherdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.DevStack;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * Backlog drain: the consumer services warmed up on requests of their own, then paused while a backlog is filed
 * through intake, then resumed; how fast each stage works the backlog off, what CPU each process spends on it, and
 * the rate the broker, the database and the mail server alone would allow, against a raw Kafka consumer.
 */
final class Drain {

    /** The consumer services, in the order a request passes them. */
    static final List<String> CONSUMERS = List.of("validation-service", "billing-credit-service",
            "notification-service");
    static final String INTAKE = "request-intake";
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER_AND_MAIL = "Kafka broker and mail server";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final DevStack stack;
    private final Path root;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    Drain(DevStack stack, Path root, Map<String, String> environment, List<String> jvmOptions) {
        this.stack = stack;
        this.root = root;
        this.environment = new LinkedHashMap<>(environment);
        // A pause while the backlog is filed must not cost the consumers their partitions.
        this.environment.put("KAFKA_SESSION_TIMEOUT_MS", "60000");
        this.jvmOptions = jvmOptions;
    }

    /** Starts {@code instances} instances of each consumer service and waits until they are all ready. */
    Consumers start(int instances) throws IOException {
        List<ServiceProcess> processes = new ArrayList<>();
        for (String service : CONSUMERS) {
            for (int i = 1; i <= instances; i++) {
                String name = service + "-" + instances + "-" + i;
                processes.add(new ServiceProcess(service, Ports.free(),
                        root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                        stack.dataDir().resolve("logs/" + name + ".log"), environment, options(name)).start());
            }
        }
        Consumers consumers = new Consumers(instances, processes);
        try {
            processes.forEach(process -> process.awaitReady(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            consumers.close();
            throw e;
        }
        return consumers;
    }

    /**
     * Warms {@code consumers} up on {@code warmup} requests filed through intake, pauses them while {@code requests}
     * more are filed and relayed, reads the topic with a raw consumer, then resumes them and times the drain.
     */
    Result run(Consumers consumers, ServiceProcess intake, int warmup, int requests) throws Exception {
        try (StageCounts counts = StageCounts.open(stack.database())) {
            Map<String, Long> before = counts.now();
            preload(intake.url(), warmup, counts);
            if (!counts.awaitAll(before, warmup, LIMIT)) {
                throw new IllegalStateException("the warm-up was not worked off within " + LIMIT);
            }
            DeskIdle.await(stack.kafka().bootstrapServers(), counts, LIMIT);
            Map<String, Long> cpuBefore;
            double raw;
            pause(consumers, counts);
            try {
                before = counts.now();
                preload(intake.url(), requests, counts);
                raw = rawConsumerRate();
                cpuBefore = cpuByProcess(consumers, intake, counts);
                counts.resetStatistics();
            } finally {
                consumers.signal("CONT");
            }
            Progress progress = new Progress(before, requests);
            long deadline = progress.start + LIMIT.toNanos();
            while (!progress.update(counts.now()) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            // The CPU and statements of the backlog's whole work: intake applies the events that follow each request
            // (for its timeline) after its result email, and the broker and database serve it.
            Duration tail = DeskIdle.await(stack.kafka().bootstrapServers(), counts, LIMIT);
            System.out.printf("the desk was idle %.1f s after the backlog's last result email%n",
                    tail.toMillis() / 1000.0);
            Map<String, Long> cpuAfter = cpuByProcess(consumers, intake, counts);
            long done = counts.now().get("result emailed") - before.get("result emailed");
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuAfter.forEach((process, millis) -> cpu.put(process,
                    done == 0 ? 0 : (millis - cpuBefore.get(process)) / (double) done));
            return new Result(consumers.instances(), warmup, requests, progress.doneSeconds(), progress.rates(),
                    raw, cpu, counts.statementsPer(done), counts.walPer(done));
        }
    }

    /**
     * Freezes the consumer services, at a moment none of them is inside an outbox relay's transaction: every
     * service's relay takes the same advisory lock, so a relay frozen with it would stop intake's relay too.
     */
    private static void pause(Consumers consumers, StageCounts counts) throws Exception {
        for (int attempt = 1; attempt <= 100; attempt++) {
            consumers.signal("STOP");
            // A lock query already on its way to the server is still answered: look once it has been.
            TimeUnit.MILLISECONDS.sleep(100);
            if (!counts.advisoryLockHeld()) {
                return;
            }
            consumers.signal("CONT");
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("the consumer services could not be paused outside an outbox relay's lock");
    }

    /**
     * CPU milliseconds used so far: each consumer service (its instances summed), intake, PostgreSQL (less the
     * connection counting the stages), and this JVM, which runs the broker and the mail server (less this thread,
     * which counts).
     */
    static Map<String, Long> cpuByProcess(Consumers consumers, ServiceProcess intake, StageCounts counts) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ServiceProcess consumer : consumers.processes()) {
            cpu.merge(consumer.name(), Footprint.cpuMillis(consumer.pid()), Long::sum);
        }
        cpu.put(INTAKE, Footprint.cpuMillis(intake.pid()));
        cpu.put(POSTGRES, Footprint.treeCpuMillis(counts.serverPid()) - Footprint.cpuMillis(counts.backendPid()));
        long countingThread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        cpu.put(BROKER_AND_MAIL, Footprint.cpuMillis(ProcessHandle.current().pid()) - countingThread);
        return cpu;
    }

    /** The JVM options, with a flight recording per process when {@code bench.jfr-dir} names a directory. */
    private List<String> options(String name) {
        return recorded(jvmOptions, name);
    }

    /** The JVM options, with a flight recording named after {@code name} when {@code bench.jfr-dir} names a directory. */
    static List<String> recorded(List<String> jvmOptions, String name) {
        String recordings = System.getProperty("bench.jfr-dir");
        if (recordings == null) {
            return jvmOptions;
        }
        try {
            Files.createDirectories(Path.of(recordings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + recordings + " for the flight recordings", e);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + Path.of(recordings).toAbsolutePath().resolve(name + ".jfr"));
        return options;
    }

    /** Files the requests through intake, 16 at a time, and waits until intake's outbox has relayed them all. */
    private static void preload(String intake, int requests, StageCounts counts) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int n = 0; n < requests; n++) {
            inFlight.acquire();
            all.add(HTTP.sendAsync(DeskBenchmark.creditRequest(intake), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        inFlight.release();
                        if (error != null || response.statusCode() != 202) {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " preloaded requests were refused");
        }
        counts.awaitIntakeRelayed(LIMIT);
    }

    /** Records per second a plain consumer reads the whole {@code requests} topic with, from the beginning. */
    private double rawConsumerRate() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", stack.kafka().bootstrapServers());
        settings.put("group.id", "bench-raw-" + UUID.randomUUID());
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            while (read < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The consumer services of one drain, stopped together.
     *
     * @param instances instances of each service
     * @param processes every instance
     */
    record Consumers(int instances, List<ServiceProcess> processes) implements AutoCloseable {

        /** Sends each process a signal: {@code STOP} freezes it where it is, {@code CONT} lets it go on. */
        void signal(String signal) throws IOException, InterruptedException {
            for (ServiceProcess process : processes) {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
                }
            }
        }

        @Override
        public void close() {
            processes.parallelStream().forEach(ServiceProcess::close);
        }
    }

    /** When each stage reached 10 %, 90 % and all of the backlog, in seconds from the resume. */
    private static final class Progress {
        private final long start = System.nanoTime();
        private final Map<String, Long> before;
        private final long requests;
        private final Map<String, double[]> marks = new LinkedHashMap<>();

        Progress(Map<String, Long> before, long requests) {
            this.before = before;
            this.requests = requests;
            before.keySet().forEach(stage -> marks.put(stage, new double[] { -1, -1, -1 }));
        }

        /** Notes the stages that passed a mark; true once every stage has done the whole backlog. */
        boolean update(Map<String, Long> now) {
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean done = true;
            for (Map.Entry<String, double[]> stage : marks.entrySet()) {
                long finished = now.get(stage.getKey()) - before.get(stage.getKey());
                double[] at = stage.getValue();
                mark(at, 0, finished >= requests * 0.1, seconds);
                mark(at, 1, finished >= requests * 0.9, seconds);
                mark(at, 2, finished >= requests, seconds);
                done &= finished >= requests;
            }
            return done;
        }

        /** Requests per second each stage worked off between 10 % and 90 % of the backlog. */
        Map<String, Double> rates() {
            Map<String, Double> rates = new LinkedHashMap<>();
            marks.forEach((stage, at) -> rates.put(stage, at[1] > at[0] && at[0] >= 0
                    ? requests * 0.8 / (at[1] - at[0]) : 0));
            return rates;
        }

        /** Seconds from the resume until the last result email, or -1 if the drain did not finish. */
        double doneSeconds() {
            return marks.get("result emailed")[2];
        }

        private static void mark(double[] marks, int index, boolean reached, double seconds) {
            if (reached && marks[index] < 0) {
                marks[index] = seconds;
            }
        }
    }

    /**
     * One drain.
     *
     * @param instances     instances of each consumer service
     * @param warmup        requests worked off before the backlog, unmeasured
     * @param requests      requests in the backlog
     * @param totalSeconds  from resuming the consumer services to the last result email
     * @param stageRates    requests per second each stage worked off between 10 % and 90 % of the backlog
     * @param rawPerSecond  records per second a raw consumer read the same topic with
     * @param cpuPerRequest CPU milliseconds per request each process spent on the backlog
     * @param statements    the statements PostgreSQL ran for the backlog, per request, the most time first (when the
     *                      server keeps statement statistics)
     * @param wal           what PostgreSQL's write-ahead log took for the backlog, per request (the same)
     */
    record Result(int instances, int warmup, int requests, double totalSeconds, Map<String, Double> stageRates,
            double rawPerSecond, Map<String, Double> cpuPerRequest, List<StageCounts.StatementCost> statements,
            Optional<StageCounts.WalCost> wal) {

        /**
         * Requests fully done per second (validated, decided, both emails sent) over the whole backlog, from the resume
         * to the last result email: a stage that starts late and then catches up cannot make it read high.
         */
        double rate() {
            return totalSeconds > 0 ? requests / totalSeconds : 0;
        }

        /** How many statements PostgreSQL ran per request of the backlog; 0 when it kept no statistics. */
        double statementsPerRequest() {
            return statements.stream().mapToDouble(StageCounts.StatementCost::calls).sum();
        }

        /** Result emails sent per second between 10 % and 90 % of the backlog: the headline of the first warm runs. */
        double resultStageRate() {
            return stageRates.get("result emailed");
        }

        /** CPU milliseconds per request of the desk's own processes: the consumer services and intake. */
        double deskCpuPerRequest() {
            return cpuPerRequest.entrySet().stream().filter(e -> !e.getKey().equals(POSTGRES)
                    && !e.getKey().equals(BROKER_AND_MAIL)).mapToDouble(Map.Entry::getValue).sum();
        }

        /** CPU milliseconds per request of the parts the desk runs on: PostgreSQL, the broker, the mail server. */
        double partsCpuPerRequest() {
            return cpuPerRequest.get(POSTGRES) + cpuPerRequest.get(BROKER_AND_MAIL);
        }

        /** The rate this machine would reach for this request mix if the desk's own code cost nothing. */
        double ceiling() {
            return Runtime.getRuntime().availableProcessors() * 1000.0 / Math.max(0.001, partsCpuPerRequest());
        }
    }
}
