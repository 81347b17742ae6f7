package com.publisherdesk.kit.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.kit.kafka.KafkaClientSettings;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The relay's idempotent Kafka producer (acks from all in-sync replicas), created on first use from the service's
 * Kafka client settings (security protocol, SASL, TLS and the rest, as the messaging channels have them).
 */
@ApplicationScoped
public class RelayProducer {

    private final Map<String, Object> settings;
    private Producer<String, byte[]> producer;

    public RelayProducer(KafkaClientSettings kafka,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.settings = settings(kafka.producer(), serviceName);
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The settings the producer is built with. */
    public Map<String, Object> settings() {
        return Map.copyOf(settings);
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        }
    }

    /**
     * The shared settings, with what the outbox's guarantees need (acks from all replicas, idempotence) forced, and
     * the relay's own tuning where the configuration says nothing.
     */
    private static Map<String, Object> settings(Map<String, Object> shared, String serviceName) {
        Map<String, Object> settings = new HashMap<>(shared);
        Object clientId = settings.get(ProducerConfig.CLIENT_ID_CONFIG);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, (clientId == null ? serviceName : clientId) + "-outbox");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "1");
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return settings;
    }
}
