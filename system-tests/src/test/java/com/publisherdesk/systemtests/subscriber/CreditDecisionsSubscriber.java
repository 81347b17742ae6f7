package com.publisherdesk.systemtests.subscriber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A downstream system's subscriber to {@code credit-decisions}, written with nothing but the Kafka client and
 * Jackson: the quick start of the README. It reads in its own consumer group, at least once from Kafka, and applies
 * each decision exactly once: the effect (one line in a ledger file) carries the event's {@code ce_id}, the ids
 * already in the ledger are skipped, and offsets are committed only once the effect is on disk. Stopped anywhere, a
 * new instance on the same group and ledger reads again from the last commit and skips what was applied.
 */
public class CreditDecisionsSubscriber implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final FileChannel ledger;
    private final Set<String> applied = new HashSet<>();
    private int duplicatesSkipped;
    private int unreadable;

    /**
     * Opens the ledger (reading the ids already applied) and joins the consumer group.
     *
     * @param bootstrapServers the desk's Kafka
     * @param groupId          this system's own consumer group
     * @param ledgerFile       where the effect is kept: one line per decision, starting with its {@code ce_id}
     */
    public CreditDecisionsSubscriber(String bootstrapServers, String groupId, Path ledgerFile) throws IOException {
        this.ledger = openLedger(ledgerFile);
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("credit-decisions"));
    }

    /** Reads what one poll brings, applies what is new, then commits; returns how many decisions were new. */
    public int pollOnce(Duration timeout) throws IOException {
        int fresh = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            fresh += apply(record) ? 1 : 0;
        }
        consumer.commitSync();
        return fresh;
    }

    /**
     * Applies one decision unless its {@code ce_id} was applied before, forcing its line to disk. A record that is no
     * event (no {@code ce_id}, a body that is not JSON) is skipped and counted: a real system would park it.
     */
    protected boolean apply(ConsumerRecord<String, String> record) throws IOException {
        String eventId = header(record, "ce_id");
        JsonNode decision = readable(record.value());
        if (eventId == null || decision == null) {
            unreadable++;
            return false;
        }
        if (!applied.add(eventId)) {
            duplicatesSkipped++;
            return false;
        }
        String line = String.join("\t", eventId, header(record, "ce_type"), record.key(),
                decision.path("creditNoteNumber").asText("-"), decision.path("amount").asText("-"),
                decision.path("currency").asText("-")) + "\n";
        ledger.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        ledger.force(false);
        return true;
    }

    /** How many records were skipped as unreadable. */
    public int unreadable() {
        return unreadable;
    }

    /** How many events were skipped because their {@code ce_id} was already applied. */
    public int duplicatesSkipped() {
        return duplicatesSkipped;
    }

    /** Leaves the group without committing anything more. */
    @Override
    public void close() throws IOException {
        consumer.close(Duration.ofSeconds(5));
        ledger.close();
    }

    private FileChannel openLedger(Path file) throws IOException {
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8);
            String whole = kept.substring(0, kept.lastIndexOf('\n') + 1);
            whole.lines().forEach(line -> applied.add(line.split("\t", 2)[0]));
            if (whole.length() < kept.length()) {
                Files.writeString(file, whole, StandardCharsets.UTF_8);
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode readable(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
