package com.publisherdesk.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.kit.kafka.KafkaClientSettings;
import com.publisherdesk.kit.problem.ProblemException;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * This service's dead-letter topic ({@code <service>-dlq}): reads its letters without a consumer group, and sends a
 * letter back to the topic it came from with one producer kept for the service's life.
 */
@ApplicationScoped
public class DeadLetterTopic {

    /** Why the consumer gave up on the record. */
    public static final String REASON = "dead-letter-reason";
    /** The topic the record came from. */
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    /** Its partition there. */
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    /** Its offset there. */
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);
    private static final Duration DEPTH_LIMIT = Duration.ofSeconds(2);

    private final KafkaClientSettings kafka;
    private final String topic;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> depthReader;

    public DeadLetterTopic(KafkaClientSettings kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kafka = kafka;
        this.topic = service + "-dlq";
    }

    /** The topic's name. */
    String name() {
        return topic;
    }

    /** The first {@code limit} letters, oldest first (by partition), read for at most ten seconds. */
    List<ConsumerRecord<byte[], byte[]>> read(int limit) {
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return letters;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (letters.size() < limit && !caughtUp(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit) {
                        letters.add(record);
                    }
                }
            }
        }
        return letters;
    }

    /**
     * How many letters the topic holds (each partition's end offset less its start offset), asking Kafka for at most
     * two seconds per call; 0 while the topic does not exist. For one caller at a time (the metrics' sampler).
     */
    long depth() {
        KafkaConsumer<byte[], byte[]> consumer = depthReader();
        List<TopicPartition> partitions = consumer.listTopics(DEPTH_LIMIT).getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, DEPTH_LIMIT);
        return consumer.endOffsets(partitions, DEPTH_LIMIT).entrySet().stream()
                .mapToLong(end -> end.getValue() - starts.getOrDefault(end.getKey(), 0L)).sum();
    }

    /** The letter at {@code partition} and {@code offset}; 404 when there is none. */
    ConsumerRecord<byte[], byte[]> find(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition wanted = new TopicPartition(topic, partition);
            if (!partitions(consumer).contains(wanted) || consumer.endOffsets(List.of(wanted)).get(wanted) <= offset) {
                throw ProblemException.notFound("Dead letter " + partition + "/" + offset);
            }
            consumer.assign(List.of(wanted));
            consumer.seek(wanted, offset);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        throw ProblemException.notFound("Dead letter " + partition + "/" + offset);
                    }
                }
            }
            throw ProblemException.unavailable("kafka-unavailable", "The dead-letter topic could not be read.", 5);
        }
    }

    /**
     * Sends {@code letter} back to the topic it came from (409 when it does not say), with its key, body and event
     * headers, and where it was replayed from; returns where it went.
     */
    RecordMetadata replay(ConsumerRecord<byte[], byte[]> letter) throws Exception {
        String original = header(letter, ORIGINAL_TOPIC);
        if (original == null) {
            throw new ProblemException(409, "not-replayable", "Not replayable",
                    "This dead letter does not say which topic it came from.");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add("replayed-from", (topic + "/" + letter.partition() + "/" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return producer().send(new ProducerRecord<>(original, null, letter.key(), letter.value(), headers)).get();
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            if (depthReader != null) {
                depthReader.close(Duration.ofSeconds(1));
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.listTopics(READ_LIMIT).getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** A consumer with the service's Kafka client settings, reading without a group (it commits nothing). */
    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = kafka.consumer();
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(READ_LIMIT.toMillis()));
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaConsumer<byte[], byte[]> depthReader() {
        if (depthReader == null) {
            depthReader = consumer();
        }
        return depthReader;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer != null) {
            return producer;
        }
        Map<String, Object> settings = kafka.producer();
        settings.remove(ProducerConfig.CLIENT_ID_CONFIG);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        return producer;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
