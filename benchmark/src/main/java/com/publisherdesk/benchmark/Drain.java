package com.publisherdesk.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import com.publisherdesk.devstack.EmbeddedDatabase;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * Backlog drain: requests preloaded into the {@code requests} topic while no consumer service runs, then the consumer
 * services started; how fast each stage works the backlog off, against a raw Kafka consumer reading the same topic.
 */
final class Drain {

    /** The consumer services, in the order a request passes them. */
    static final List<String> CONSUMERS = List.of("validation-service", "billing-credit-service",
            "notification-service");

    /** What each stage has done, counted in the stage's own tables. */
    private static final Map<String, String> STAGES = stages();

    /** The stage whose count each consumer service's CPU is divided by. */
    private static final Map<String, String> STAGE_OF = Map.of("validation-service", "validated",
            "billing-credit-service", "decided");
    private static final String PARTS_JVM = "Kafka broker, mail server and benchmark (one JVM)";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final DevStack stack;
    private final Path root;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    Drain(DevStack stack, Path root, Map<String, String> environment, List<String> jvmOptions) {
        this.stack = stack;
        this.root = root;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Preloads {@code requests} credit requests through intake (no consumer service running), reads the topic with a
     * raw consumer, then starts {@code instances} instances of each consumer service and times the drain.
     */
    Result run(String intake, int requests, int instances) throws Exception {
        Map<String, Long> before = counts();
        preload(intake, requests);
        double raw = rawConsumerRate();
        List<ServiceProcess> consumers = new ArrayList<>();
        Map<String, double[]> progress = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> progress.put(stage, new double[] { -1, -1, -1 }));
        long start = System.nanoTime();
        try {
            for (String service : CONSUMERS) {
                for (int i = 1; i <= instances; i++) {
                    String name = service + "-drain-" + instances + "-" + i;
                    consumers.add(new ServiceProcess(service, Ports.free(),
                            root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                            stack.dataDir().resolve("logs/" + name + ".log"), environment, options(name)).start());
                }
            }
            // CPU is counted from the moment every consumer is ready, so that start-up is left out of it.
            Map<String, Long> cpuAtReady = null;
            Map<String, Long> countsAtReady = null;
            long deadline = start + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (cpuAtReady == null && consumers.stream().allMatch(ServiceProcess::isReady)) {
                    cpuAtReady = cpuByProcess(consumers);
                    countsAtReady = counts();
                }
                Map<String, Long> now = counts();
                double seconds = (System.nanoTime() - start) / 1e9;
                boolean done = true;
                for (Map.Entry<String, double[]> stage : progress.entrySet()) {
                    long finished = now.get(stage.getKey()) - before.get(stage.getKey());
                    double[] marks = stage.getValue();
                    mark(marks, 0, finished >= requests * 0.1, seconds);
                    mark(marks, 1, finished >= requests * 0.9, seconds);
                    mark(marks, 2, finished >= requests, seconds);
                    done &= finished >= requests;
                }
                if (done) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            Map<String, Long> cpuAtEnd = cpuByProcess(consumers);
            Map<String, Long> countsAtEnd = counts();
            Map<String, Long> cpuFrom = cpuAtReady == null ? cpuAtEnd : cpuAtReady;
            Map<String, Long> countsFrom = countsAtReady == null ? countsAtEnd : countsAtReady;
            cpuAtEnd.forEach((process, millis) -> {
                String stage = STAGE_OF.getOrDefault(process, "result emailed");
                long done = countsAtEnd.get(stage) - countsFrom.get(stage);
                cpu.put(process, done == 0 ? 0 : (millis - cpuFrom.get(process)) / (double) done);
            });
        } finally {
            consumers.parallelStream().forEach(ServiceProcess::close);
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        progress.forEach((stage, marks) -> rates.put(stage, marks[1] > marks[0] && marks[0] >= 0
                ? requests * 0.8 / (marks[1] - marks[0]) : 0));
        double[] last = progress.get("result emailed");
        return new Result(instances, requests, last[2], rates, raw, cpu);
    }

    /** CPU milliseconds used so far: each consumer service (its instances summed), PostgreSQL, this JVM. */
    private static Map<String, Long> cpuByProcess(List<ServiceProcess> consumers) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ServiceProcess consumer : consumers) {
            cpu.merge(consumer.name(), Footprint.cpuMillis(consumer.pid()), Long::sum);
        }
        cpu.put("PostgreSQL", Footprint.cpuMillisOf("postgres"));
        cpu.put(PARTS_JVM, Footprint.cpuMillis(ProcessHandle.current().pid()));
        return cpu;
    }

    /** The JVM options, with a flight recording per process when {@code bench.jfr-dir} names a directory. */
    private List<String> options(String name) {
        String recordings = System.getProperty("bench.jfr-dir");
        if (recordings == null) {
            return jvmOptions;
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + Path.of(recordings).toAbsolutePath().resolve(name + ".jfr"));
        return options;
    }

    private static void mark(double[] marks, int index, boolean reached, double seconds) {
        if (reached && marks[index] < 0) {
            marks[index] = seconds;
        }
    }

    /** Files the requests through intake, 16 at a time, and waits until intake's outbox has relayed them all. */
    private void preload(String intake, int requests) throws Exception {
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
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (count("select count(*) from intake.outbox_event") > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
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

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> stage : STAGES.entrySet()) {
            counts.put(stage.getKey(), count(stage.getValue()));
        }
        return counts;
    }

    /** The count {@code sql} gives, zero while the service that owns the table has not created it yet. */
    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.database().jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("validated", "select count(*) from validation.ownership_check");
        stages.put("decided", "select count(*) from billing.credit_decision");
        stages.put("acknowledged", "select count(*) from notification.email where kind = 'ACKNOWLEDGEMENT' "
                + "and status = 'SENT'");
        stages.put("result emailed", "select count(*) from notification.email where kind = 'RESULT' "
                + "and status = 'SENT'");
        return stages;
    }

    /**
     * One drain.
     *
     * @param instances     instances of each consumer service
     * @param requests      requests preloaded
     * @param totalSeconds  from starting the consumer services to the last result email (start-up included)
     * @param stageRates    requests per second each stage worked off between 10 % and 90 % of the backlog
     * @param rawPerSecond  records per second a raw consumer read the same topic with
     * @param cpuPerRequest CPU milliseconds per request each process spent once the consumers were ready
     */
    record Result(int instances, int requests, double totalSeconds, Map<String, Double> stageRates,
            double rawPerSecond, Map<String, Double> cpuPerRequest) {

        double rate() {
            return stageRates.get("result emailed");
        }
    }
}
