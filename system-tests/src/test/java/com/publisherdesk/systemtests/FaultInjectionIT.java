package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.devstack.ServiceProcess;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Nothing lost, nothing twice: a stream of credit requests, subscription validations and support requests (a fifth
 * of them sent twice with the same Idempotency-Key) while a fault is injected, then the invariants counted from the
 * outside: every request answered 202 is on record, decided (or routed) once, acknowledged once and answered once by
 * email; no consumer group has lag; no dead-letter topic received anything. Each scenario's counts go to
 * docs/reliability.md (through system-tests/target/reports and {@code ./desk reports}).
 * {@code -Dfaults.requests=N} sets the size of each stream (60 by default, as in CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final int REQUESTS = Integer.getInteger("faults.requests", 60);
    private static final double RATE = 10;
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final Map<String, String> QUICK_TAKEOVER = Map.of("MAIL_CLAIM_TIMEOUT", "5S");
    private static final List<String> GROUPS = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final List<String> CONSUMERS = List.of("validation-service", "billing-credit-service",
            "notification-service");

    private static final List<String> REPORT = new ArrayList<>();
    private static final String START = "<!-- fault-injection: written by FaultInjectionIT -->";
    private static final String END = "<!-- /fault-injection -->";

    private static RunningDesk desk;
    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> decisions;
    private static ConsumerTask<String, String> verdicts;
    private static ConsumerTask<String, String> routed;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        kafka = new KafkaCompanion(desk.bootstrapServers());
        decisions = kafka.consumeStrings().fromTopics(Topics.CREDIT_DECISIONS);
        verdicts = kafka.consumeStrings().fromTopics(Topics.REQUEST_VALIDATIONS);
        routed = kafka.consumeStrings().fromTopics(Topics.SUPPORT_CHANNELS.toArray(String[]::new));
    }

    @AfterAll
    static void report() throws IOException {
        decisions.close();
        verdicts.close();
        routed.close();
        kafka.close();
        writeReport();
    }

    @Test
    @Order(1)
    void shouldLoseNothingAndDoNothingTwiceWhenEachConsumerServiceIsKilledMidStream() throws Exception {
        run("kill -9 of validation-service, billing-credit-service and notification-service in turn, twice over, "
                + "each restarted at once", stream -> {
                    int kills = 2 * CONSUMERS.size();
                    for (int i = 0; i < kills; i++) {
                        awaitStarted(stream, REQUESTS * (i + 1) / (kills + 1));
                        restart(desk.services().get(CONSUMERS.get(i % CONSUMERS.size())));
                    }
                });
    }

    @Test
    @Order(2)
    void shouldLoseNothingAndDoNothingTwiceWhenIntakeIsKilledMidStream() throws Exception {
        run("kill -9 of request-intake, twice, each restarted at once (clients retry with the same key)", stream -> {
            awaitStarted(stream, REQUESTS / 3);
            restart(desk.services().get("request-intake"));
            awaitStarted(stream, REQUESTS * 2 / 3);
            restart(desk.services().get("request-intake"));
        });
    }

    @Test
    @Order(3)
    void shouldLoseNothingAndDoNothingTwiceWhenTheBrokerIsStoppedAndRestarted() throws Exception {
        run("Kafka broker stopped while a third of the stream is filed, then started again", stream -> {
            awaitStarted(stream, REQUESTS / 3);
            desk.stack().kafka().stop();
            awaitStarted(stream, REQUESTS * 2 / 3);
            desk.stack().kafka().start();
        });
    }

    @Test
    @Order(4)
    void shouldLoseNothingAndDoNothingTwiceWhenTheMailServerIsDownForAWhile() throws Exception {
        run("SMTP server down while half of the stream is filed", stream -> {
            awaitStarted(stream, REQUESTS / 4);
            desk.mailbox().stopSmtp();
            awaitStarted(stream, REQUESTS * 3 / 4);
            desk.mailbox().startSmtp();
        });
    }

    @Test
    @Order(5)
    void shouldLoseNothingAndDoNothingTwiceWhenOneOfTwoInstancesOfEachConsumerIsKilled() throws Exception {
        List<ServiceProcess> seconds = new ArrayList<>();
        try {
            for (String consumer : CONSUMERS) {
                seconds.add(new ServiceProcess(consumer, com.publisherdesk.devstack.Ports.free(),
                        RunningDesk.ROOT.resolve(consumer + "/target/quarkus-app/quarkus-run.jar"),
                        desk.stack().dataDir().resolve("logs/" + consumer + "-second.log"),
                        com.publisherdesk.devstack.DeskServices.environmentFor(desk.stack().quarkusConfig()),
                        DeskServices.DESK_JVM_OPTIONS).start(QUICK_TAKEOVER));
            }
            for (ServiceProcess second : seconds) {
                second.awaitReady(READY);
            }
            run("a second instance of each consumer service in the same consumer groups, then each second "
                    + "instance killed with kill -9 (its partitions move to the first)", stream -> {
                        awaitStarted(stream, REQUESTS / 2);
                        seconds.forEach(ServiceProcess::kill);
                    });
        } finally {
            seconds.forEach(ServiceProcess::close);
        }
    }

    @Test
    @Order(6)
    void shouldLoseNothingAndDoNothingTwiceWhenPostgresqlIsStoppedAndRestarted() throws Exception {
        int[] refusals = new int[1];
        run("PostgreSQL stopped while half of the stream is filed, then started again (intake answers 503 with "
                + "Retry-After meanwhile; clients retry with their key)", stream -> {
                    awaitStarted(stream, REQUESTS / 4);
                    desk.stack().database().stop();
                    awaitStarted(stream, REQUESTS * 3 / 4);
                    refusals[0] = stream.errorAnswers();
                    desk.stack().database().start();
                });
        assertTrue(refusals[0] > 0, "intake refused requests while the database was down");
    }

    @Test
    @Order(7)
    void shouldDeadLetterPoisonOnEveryTopicKeepTheStreamGoingAndLetAnOperatorListAndReplayIt() throws Exception {
        String key = "poison-" + java.util.UUID.randomUUID();
        run("an unreadable event of a handled type on each of the four topics (9 dead letters: one per consumer of "
                + "each), then one replayed by an operator (3 more)", stream -> {
                    awaitStarted(stream, REQUESTS / 3);
                    kafka.produceStrings().fromRecords(List.of(
                            poison(Topics.REQUESTS, "com.publisherdesk.request.submitted.v1", key),
                            poison(Topics.REQUEST_VALIDATIONS, "com.publisherdesk.subscription.confirmed.v1", key),
                            poison(Topics.CREDIT_DECISIONS, "com.publisherdesk.credit.denied.v1", key),
                            poison(Topics.NOTIFICATIONS, "com.publisherdesk.acknowledgement.sent.v1", key)))
                            .awaitCompletion();
                    String validation = desk.url("validation-service") + "/v1/operator/dead-letters";
                    Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).until(() -> desk.asOperator()
                            .get(validation).then().statusCode(200).extract().jsonPath()
                            .<Map<String, Object>>getList("$").stream().filter(l -> key.equals(l.get("key")))
                            .findFirst(), java.util.Optional::isPresent).orElseThrow();
                    assertEquals("requests", letter.get("originalTopic"));
                    desk.asOperator()
                            .post(validation + "/" + letter.get("partition") + "/" + letter.get("offset") + "/replay")
                            .then().statusCode(202).body("topic", org.hamcrest.Matchers.equalTo("requests"));
                }, 12);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> poison(String topic, String type,
            String key) {
        org.apache.kafka.clients.producer.ProducerRecord<String, String> record =
                new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, "{\"this is\": not json");
        record.headers().add("ce_specversion", "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_id", java.util.UUID.randomUUID().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/fault-injection".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("ce_subject", key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }

    private interface Fault {
        void inject(RequestStream stream) throws Exception;
    }

    private static void run(String fault, Fault injection) throws Exception {
        run(fault, injection, 0);
    }

    /** Runs a stream while {@code injection} injects its fault, then counts; {@code poison} dead letters expected. */
    private static void run(String fault, Fault injection, long poison) throws Exception {
        Instant began = Instant.now();
        long deadLettersBefore = deadLetters();
        Map<String, String> ids;
        RequestStream stream = new RequestStream(desk.url("request-intake"), desk.adminToken("northwind"))
                .start(REQUESTS, RATE);
        try (stream) {
            injection.inject(stream);
            ids = stream.awaitAnswers();
        }
        Map<String, String> types = stream.types();
        Counts counts = settled(() -> count(types), Counts::settled);
        Map<String, Long> lag = settled(FaultInjectionIT::lag, l -> l.values().stream().allMatch(v -> v == 0));
        long deadLetters = settled(() -> deadLetters() - deadLettersBefore, n -> n >= poison);
        REPORT.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.0f |",
                fault, REQUESTS, ids.size(), stream.retried(), REQUESTS - ids.size() + counts.lost(),
                counts.duplicated(), counts.stuck(), counts.redelivered(),
                lag.values().stream().mapToLong(Long::longValue).sum(), deadLetters, stream.problems().size(),
                (double) ChronoUnit.SECONDS.between(began, Instant.now())));

        assertTrue(stream.problems().isEmpty(), () -> String.join("\n", stream.problems()));
        assertEquals(REQUESTS, ids.size(), "every request got its 202");
        assertEquals(0, counts.lost(), "lost: " + counts);
        assertEquals(0, counts.duplicated(), "done twice: " + counts);
        assertEquals(0, counts.stuck(), "stuck: " + counts);
        assertEquals(0L, lag.values().stream().mapToLong(Long::longValue).sum(), "lag: " + lag);
        assertEquals(poison, deadLetters, "dead letters");
    }

    /** The value once {@code done} holds, or the last one seen if the desk did not settle in time. */
    private static <T> T settled(java.util.concurrent.Callable<T> value, java.util.function.Predicate<T> done)
            throws Exception {
        try {
            return await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(value, done::test);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return value.call();
        }
    }

    private static void awaitStarted(RequestStream stream, int count) {
        await().atMost(Duration.ofMinutes(2)).until(() -> stream.started() >= count);
    }

    private static void restart(ServiceProcess service) throws IOException {
        service.kill();
        service.start(service.name().equals("notification-service") ? QUICK_TAKEOVER : Map.of()).awaitReady(READY);
    }

    /**
     * What happened to each accepted request, counted from the mailbox and from the topic its decision goes to:
     * {@code credit-decisions} for a credit request, {@code request-validations} for a subscription validation, its
     * channel's topic for a support request (which is owed one email, its acknowledgement; the others two).
     */
    private static Counts count(Map<String, String> types) {
        Set<String> accepted = types.keySet();
        Map<String, Set<String>> decided = new HashMap<>();
        int copies = 0;
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        decisions.getRecords().stream().filter(r -> RequestStream.CREDIT.equals(types.get(r.key())))
                .forEach(records::add);
        verdicts.getRecords().stream().filter(r -> RequestStream.SUBSCRIPTION_VALIDATION.equals(types.get(r.key())))
                .forEach(records::add);
        routed.getRecords().stream().filter(r -> RequestStream.SUPPORT.equals(types.get(r.key())))
                .forEach(records::add);
        for (ConsumerRecord<String, String> record : records) {
            if (accepted.contains(record.key())) {
                String eventId = new String(record.headers().lastHeader("ce_id").value());
                if (!decided.computeIfAbsent(record.key(), k -> new HashSet<>()).add(eventId)) {
                    copies++;
                }
            }
        }
        Map<String, List<MailboxEmail>> emails = desk.mailbox().emails().stream()
                .filter(e -> e.messageId() != null && e.messageId().length() > 37
                        && accepted.contains(e.messageId().substring(1, 37)))
                .collect(Collectors.groupingBy(e -> e.messageId().substring(1, 37)));
        int lost = 0;
        int duplicated = 0;
        int stuck = 0;
        for (String id : accepted) {
            long decisionEvents = decided.getOrDefault(id, Set.of()).size();
            List<MailboxEmail> mails = emails.getOrDefault(id, List.of());
            int owed = RequestStream.SUPPORT.equals(types.get(id)) ? 1 : 2;
            boolean twice = decisionEvents > 1 || mails.size() > owed
                    || mails.stream().anyMatch(e -> e.deliveries() > 1);
            if (twice) {
                duplicated++;
            } else if (decisionEvents == 0 && mails.isEmpty()) {
                lost++;
            } else if (decisionEvents == 0 || mails.size() < owed) {
                stuck++;
            }
        }
        return new Counts(accepted.size(), lost, duplicated, stuck, copies);
    }

    /** Messages not yet consumed, by consumer group, over the desk's topics. */
    private static Map<String, Long> lag() throws Exception {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", desk.bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            Map<String, Long> lag = new HashMap<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long behind = 0;
                for (var entry : committed.entrySet()) {
                    behind += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
                lag.put(group, behind);
            }
            return lag;
        }
    }

    /** Records in every dead-letter topic of the desk. */
    private static long deadLetters() throws Exception {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", desk.bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith("-dlq"))
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                description.partitions().forEach(p -> {
                    ends.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest());
                    starts.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.earliest());
                });
            }
            Collection<Long> last = admin.listOffsets(ends).all().get().values().stream().map(i -> i.offset())
                    .toList();
            Collection<Long> first = admin.listOffsets(starts).all().get().values().stream().map(i -> i.offset())
                    .toList();
            return last.stream().mapToLong(Long::longValue).sum() - first.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder(START).append("\n## Crashes and outages\n\n")
                .append("Written by `FaultInjectionIT` (system-tests) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" from the counts it made; `./mvnw ")
                .append("verify` runs it with ").append(REQUESTS).append(" requests per scenario, and ")
                .append("`./mvnw verify -pl system-tests -Dit.test=FaultInjectionIT -Dfaults.requests=500` at a ")
                .append("larger size (after `./mvnw install -DskipTests`).\n\n")
                .append("Each scenario files a stream of requests (of six: three credit requests, two ")
                .append("subscription validations, one support request) at ").append((int) RATE).append(" a second ")
                .append("through the real services, broker, database and mail server (a fifth of them sent a ")
                .append("second time with the same Idempotency-Key; a request the desk could not answer is ")
                .append("retried with its key) while the fault is injected, waits for the desk to settle, and ")
                .append("counts from the outside: **lost** = answered 202 but never decided nor emailed (or never ")
                .append("answered); **twice** = more than one decision (distinct event ids), or an email sent twice; ")
                .append("**stuck** = decided or emailed only in part once the desk settled; **copies** = decision ")
                .append("events delivered again with the same event id (at-least-once delivery, which every ")
                .append("consumer deduplicates by that id); **lag** = events not consumed by ")
                .append("some consumer group; **dead letters** = records in any `-dlq` topic.\n\n")
                .append("| fault injected | requests | answered 202 | client retries | lost | twice | stuck ")
                .append("| copies | lag | dead letters | client problems | seconds |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        REPORT.forEach(row -> md.append(row).append('\n'));
        md.append("\nA decision is the credit decision event for a credit request, the verdict event for a ")
                .append("subscription validation and the routed event on its channel's topic for a support request ")
                .append("(owed one email, its acknowledgement; the others two). Operators list a service's dead ")
                .append("letters at `GET /v1/operator/dead-letters` and send one back to its topic with ")
                .append("`POST /v1/operator/dead-letters/{partition}/{offset}/replay`.\n").append(END);
        Reports.write("fault-injection", md.toString());
    }

    /**
     * What the counting found.
     *
     * @param accepted   requests answered 202
     * @param lost       never decided nor emailed
     * @param duplicated decided or emailed more than once
     * @param stuck      decided or emailed only in part
     * @param redelivered decision events on the topic a second time with the same event id (at-least-once
     *                    delivery, which consumers deduplicate)
     */
    private record Counts(int accepted, int lost, int duplicated, int stuck, int redelivered) {

        boolean settled() {
            return lost == 0 && stuck == 0;
        }
    }
}
