package com.publisherdesk.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.publisherdesk.kit.kafka.KafkaClientSettings;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operators read this service's dead-letter topic ({@code <service>-dlq}) and replay a dead letter to the topic it
 * came from, once whatever made it poison is fixed; consumers still apply an event at most once.
 */
@Path("/v1/operator/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String REASON = "dead-letter-reason";
    private static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final String ORIGINAL_PARTITION = "dead-letter-partition";
    private static final String ORIGINAL_OFFSET = "dead-letter-offset";
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final KafkaClientSettings kafka;
    private final String topic;

    public DeadLetterResource(KafkaClientSettings kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kafka = kafka;
        this.topic = service + "-dlq";
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "The dead letters of this service, oldest first")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<DeadLetter> letters = new ArrayList<>();
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
                        letters.add(DeadLetter.of(record));
                    }
                }
            }
        }
        return letters;
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @APIResponse(responseCode = "202", description = "Sent back to the topic it came from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "409", description = "The dead letter does not say which topic it came from")
    @Operation(operationId = "replayDeadLetter",
            summary = "Send a dead letter again to the topic it came from, with its key, body and event headers")
    public Response replay(@PathParam("partition") @Min(0) int partition, @PathParam("offset") @Min(0) long offset)
            throws Exception {
        ConsumerRecord<byte[], byte[]> letter = find(partition, offset);
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
        headers.add("replayed-from", (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(original, null, letter.key(), letter.value(),
                    headers)).get();
            return Response.accepted(new Replayed(sent.topic(), sent.partition(), sent.offset())).build();
        }
    }

    private ConsumerRecord<byte[], byte[]> find(int partition, long offset) {
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

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> settings = kafka.producer();
        settings.remove(ProducerConfig.CLIENT_ID_CONFIG);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A dead letter as operators read it.
     *
     * @param partition         its partition in the dead-letter topic
     * @param offset            its offset there (with the partition, what replay takes)
     * @param at                when it was written there
     * @param originalTopic     the topic it came from
     * @param originalPartition its partition there
     * @param originalOffset    its offset there
     * @param key               its key (a request id)
     * @param eventType         its CloudEvents type, if it had one
     * @param eventId           its CloudEvents id, if it had one
     * @param reason            why the consumer gave up on it
     * @param body              its body as text, the first 10 000 characters
     */
    public record DeadLetter(int partition, long offset, Instant at, String originalTopic, String originalPartition,
            String originalOffset, String key, String eventType, String eventId, String reason, String body) {

        static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
            String body = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    header(record, ORIGINAL_TOPIC), header(record, ORIGINAL_PARTITION),
                    header(record, ORIGINAL_OFFSET),
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    header(record, "ce_type"), header(record, "ce_id"), header(record, REASON),
                    body == null || body.length() <= 10_000 ? body : body.substring(0, 10_000));
        }
    }

    /**
     * Where a replayed dead letter went.
     *
     * @param topic     the topic it came from
     * @param partition its partition there
     * @param offset    its new offset there
     */
    public record Replayed(String topic, int partition, long offset) {
    }
}
