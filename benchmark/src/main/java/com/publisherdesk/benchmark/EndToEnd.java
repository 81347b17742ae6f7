package com.publisherdesk.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.publisherdesk.devstack.DevStack;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

/** End-to-end latencies of the desk, and the raw Kafka produce-to-consume latency on the same broker. */
final class EndToEnd {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([0-9a-f-]{36})\"");
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final DevStack stack;

    EndToEnd(DevStack stack) {
        this.stack = stack;
    }

    /** Kafka alone: records produced at {@code rate} and consumed by a plain consumer, latency in microseconds. */
    Histogram rawKafka(double rate, Duration duration) throws Exception {
        String topic = "bench-baseline-" + UUID.randomUUID();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latencies = new Histogram(3);
        try (Tail tail = new Tail(topic, (record, now) -> {
            Long sent = sentAt.get(record.key());
            if (sent != null) {
                synchronized (latencies) {
                    latencies.recordValue(Math.max(1, (now - sent) / 1000));
                }
            }
        }); KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                new StringSerializer())) {
            tail.awaitAssignment();
            long interval = (long) (1e9 / rate);
            long count = (long) (rate * duration.toSeconds());
            long start = System.nanoTime();
            for (long n = 0; n < count; n++) {
                long wait = start + n * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String key = UUID.randomUUID().toString();
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, "{}"));
            }
            producer.flush();
            awaitCount(latencies, count);
        }
        return latencies;
    }

    /** The desk: submit to decision event and submit to result email accepted by SMTP, latency in microseconds. */
    Latencies desk(double rate, Duration duration, String intake, Supplier<Map<String, Long>> cpu,
            Callable<?> awaitIdle) throws Exception {
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<OpenLoad.Sent> sent = new ConcurrentLinkedQueue<>();
        try (Tail tail = new Tail("credit-decisions", (record, now) -> decidedAt.put(record.key(),
                System.currentTimeMillis()))) {
            tail.awaitAssignment();
            Machine.CpuTicks before = Machine.cpuTicks();
            Map<String, Long> cpuBefore = cpu.get();
            OpenLoad.run(rate, duration, n -> DeskBenchmark.creditRequest(intake), 202, sent);
            double busy = Machine.cpuTicks().busySince(before);
            Map<String, Long> submitted = new ConcurrentHashMap<>();
            for (OpenLoad.Sent accepted : sent) {
                Matcher id = REQUEST_ID.matcher(accepted.body());
                if (id.find()) {
                    submitted.put(id.group(1), accepted.sentAt());
                }
            }
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline && !decidedAt.keySet().containsAll(submitted.keySet())) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            Histogram decisions = new Histogram(3);
            submitted.forEach((id, at) -> {
                Long decided = decidedAt.get(id);
                if (decided != null) {
                    decisions.recordValue(Math.max(1, (decided - at) * 1000));
                }
            });
            awaitIdle.call();
            Map<String, Double> cpuPerRequest = new LinkedHashMap<>();
            cpu.get().forEach((process, millis) -> cpuPerRequest.put(process,
                    (millis - cpuBefore.getOrDefault(process, millis)) / (double) Math.max(1, submitted.size())));
            Histogram results = resultEmails(submitted);
            return new Latencies(submitted.size(), decisions, results,
                    Hops.of(stack.database().jdbcUrl(), submitted.keySet()), busy, cpuPerRequest);
        }
    }

    private Histogram resultEmails(Map<String, Long> submitted) throws InterruptedException {
        Mailbox mailbox = new Mailbox(stack.mail().mailboxUrl());
        Histogram emails = new Histogram(3);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Long> received = Map.of();
        while (System.nanoTime() < deadline) {
            received = resultsReceived(mailbox.emails());
            if (received.keySet().containsAll(submitted.keySet())) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        Map<String, Long> found = received;
        submitted.forEach((id, at) -> {
            Long emailed = found.get(id);
            if (emailed != null) {
                emails.recordValue(Math.max(1, (emailed - at) * 1000));
            }
        });
        return emails;
    }

    private static Map<String, Long> resultsReceived(List<MailboxEmail> emails) {
        Map<String, Long> received = new ConcurrentHashMap<>();
        for (MailboxEmail email : emails) {
            if (email.messageId() != null && email.messageId().endsWith(".result@publisherdesk>")) {
                received.put(email.messageId().substring(1, 37), email.receivedAt().toEpochMilli());
            }
        }
        return received;
    }

    private static void awaitCount(Histogram histogram, long count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (histogram) {
                if (histogram.getTotalCount() >= count) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private Properties producerSettings() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", stack.kafka().bootstrapServers());
        settings.put("acks", "all");
        settings.put("linger.ms", "1");
        return settings;
    }

    /**
     * The desk's latencies at one rate.
     *
     * @param accepted  requests accepted
     * @param decisions submit to decision event
     * @param results   submit to result email accepted by the mail server
     * @param hops      where the time went, hop by hop, from the services' own timestamps
     * @param busy      the share of the machine's CPU busy while the requests were filed (every process, the load
     *                  generator's included), 0 to 1
     * @param cpuPerRequest CPU milliseconds per request each process spent from the first request filed until the desk
     *                  was idle again, as the drain's (this JVM's includes the load generator's)
     */
    record Latencies(int accepted, Histogram decisions, Histogram results, List<Hops.Hop> hops, double busy,
            Map<String, Double> cpuPerRequest) {
    }

    /** A consumer reading a topic from its end on its own thread. */
    private final class Tail implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile boolean assigned;

        Tail(String topic, java.util.function.BiConsumer<ConsumerRecord<String, String>, Long> onRecord) {
            Properties settings = new Properties();
            settings.put("bootstrap.servers", stack.kafka().bootstrapServers());
            settings.put("group.id", "bench-" + UUID.randomUUID());
            settings.put("auto.offset.reset", "latest");
            consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            thread = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        onRecord.accept(record, System.nanoTime());
                    }
                    assigned = assigned || !consumer.assignment().isEmpty();
                }
                consumer.close();
            }, "bench-tail");
            thread.start();
        }

        void awaitAssignment() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!assigned && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
