package com.publisherdesk.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./desk events TOPIC [--follow] [--request ID]}: the events on a topic from its beginning, one line each (time,
 * key, type, body); with {@code --follow} it goes on printing new ones until stopped, with {@code --request} only
 * those of one request (its key, or its {@code ce_subject}).
 */
final class DeskEvents {

    static final String USAGE = "./desk events TOPIC [--follow] [--request ID]";
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    /** What to print: a topic's events, all or one request's, up to now or on and on. */
    record Query(String topic, boolean follow, String requestId) {

        /** The query that the command's arguments ask for. */
        static Query parse(List<String> args) {
            String topic = null;
            boolean follow = false;
            String requestId = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--follow") || arg.equals("-f")) {
                    follow = true;
                } else if (arg.equals("--request")) {
                    if (i + 1 == args.size()) {
                        throw DeskCommandException.usage("--request needs a request id: " + USAGE);
                    }
                    requestId = args.get(++i);
                } else if (arg.startsWith("-")) {
                    throw DeskCommandException.usage("unknown option " + arg + ": " + USAGE);
                } else if (topic == null) {
                    topic = arg;
                } else {
                    throw DeskCommandException.usage("one topic at a time: " + USAGE);
                }
            }
            if (topic == null) {
                throw DeskCommandException.usage("which topic? " + USAGE);
            }
            return new Query(topic, follow, requestId);
        }

        boolean matches(ConsumerRecord<String, String> record) {
            Header subject = record.headers().lastHeader("ce_subject");
            return requestId == null || requestId.equals(record.key())
                    || subject != null && requestId.equals(new String(subject.value(), StandardCharsets.UTF_8));
        }
    }

    private DeskEvents() {
    }

    /** Prints what {@code query} asks for from the cluster at {@code bootstrapServers}. */
    static void print(String bootstrapServers, Query query, Map<String, String> environment, PrintStream out) {
        Properties settings = DeskTool.consumerSettings(bootstrapServers, environment);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, bootstrapServers, query.topic());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (query.follow() || partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (query.matches(record)) {
                        out.println(line(record));
                    }
                }
                out.flush();
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw unreachable(bootstrapServers);
        } catch (KafkaException e) {
            throw DeskCommandException.failed("Kafka at " + bootstrapServers + ": " + e.getMessage());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String bootstrapServers,
            String topic) {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> topics = consumer.listTopics(BROKER_TIMEOUT);
        if (!topics.containsKey(topic)) {
            TreeSet<String> known = new TreeSet<>(topics.keySet());
            known.removeIf(name -> name.startsWith("__"));
            throw DeskCommandException.usage("no topic " + topic + " on " + bootstrapServers + "; its topics: "
                    + String.join(", ", known));
        }
        return topics.get(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static DeskCommandException unreachable(String bootstrapServers) {
        return DeskCommandException.failed("Kafka does not answer at " + bootstrapServers
                + ": is the desk running? (./desk status)");
    }

    private static String line(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        return String.format("%s  %s  %s  %s", Instant.ofEpochMilli(record.timestamp()), record.key(),
                type == null ? "-" : new String(type.value(), StandardCharsets.UTF_8), record.value());
    }
}
