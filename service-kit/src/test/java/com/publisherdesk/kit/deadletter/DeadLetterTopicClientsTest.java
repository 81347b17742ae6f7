package com.publisherdesk.kit.deadletter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.publisherdesk.kit.kafka.KafkaClientSettings;

/**
 * The dead-letter tools' clients are built from the Kafka client settings the messaging channels use, not from the
 * bootstrap servers alone: on a TLS cluster, each client the topic creates takes the cluster's security protocol and
 * trust store. A trust store that is not there proves it without a broker: a client given it cannot be built, while a
 * client given the bootstrap servers alone would be built and then wait for a broker that does not answer.
 */
class DeadLetterTopicClientsTest {

    private static final String TRUST_STORE = "/nonexistent/desk-kafka-truststore.p12";

    private final DeadLetterTopic topic = new DeadLetterTopic(new KafkaClientSettings(Map.of(
            "bootstrap.servers", "127.0.0.1:9", "security.protocol", "SSL",
            "ssl.truststore.location", TRUST_STORE, "ssl.truststore.type", "PKCS12",
            "group.id", "request-intake")), "request-intake");

    @Test
    void shouldReadLettersWithAConsumerThatTakesTheClustersTlsSettings() {
        assertBuiltWithTheTrustStore(() -> topic.read(10));
        assertBuiltWithTheTrustStore(() -> topic.find(0, 0));
    }

    @Test
    void shouldMeasureTheTopicsDepthWithAConsumerThatTakesTheClustersTlsSettings() {
        assertBuiltWithTheTrustStore(topic::depth);
    }

    @Test
    void shouldReplayALetterWithAProducerThatTakesTheClustersTlsSettings() {
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("request-intake-dlq", 0, 7, null,
                "{}".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(DeadLetterTopic.ORIGINAL_TOPIC, "requests".getBytes(StandardCharsets.UTF_8));

        assertBuiltWithTheTrustStore(() -> topic.replay(letter));
    }

    private static void assertBuiltWithTheTrustStore(Executable use) {
        KafkaException refused = assertThrows(KafkaException.class, use);
        StringBuilder causes = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            causes.append(cause).append('\n');
        }
        assertTrue(causes.toString().contains("Failed to construct kafka") && causes.toString().contains(TRUST_STORE),
                "the client was not built with the cluster's TLS settings:\n" + causes);
    }
}
