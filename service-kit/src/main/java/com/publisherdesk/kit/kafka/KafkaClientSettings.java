package com.publisherdesk.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka client settings every client of a service is built from: the same {@code kafka.*} configuration (and
 * {@code KAFKA_*} environment variables) the messaging channels use, so that a cluster's security protocol, SASL and
 * TLS settings reach the outbox relay and the dead-letter tools too, not only the bootstrap servers.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private static final Set<String> PRODUCER = ProducerConfig.configNames();
    private static final Set<String> CONSUMER = ConsumerConfig.configNames();

    private final Map<String, Object> shared;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** The shared settings a producer takes (those meant for consumers only left out). */
    public Map<String, Object> producer() {
        return only(shared, PRODUCER, CONSUMER);
    }

    /** The shared settings a consumer takes (those meant for producers only left out). */
    public Map<String, Object> consumer() {
        return only(shared, CONSUMER, PRODUCER);
    }

    /**
     * The settings a client of one kind takes: those it knows, and those no Kafka client knows (a TLS configuration
     * name, say, which Quarkus reads itself), but not those of the other kind of client.
     */
    static Map<String, Object> only(Map<String, Object> settings, Set<String> own, Set<String> other) {
        Map<String, Object> kept = new HashMap<>();
        settings.forEach((key, value) -> {
            if (own.contains(key) || !other.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
