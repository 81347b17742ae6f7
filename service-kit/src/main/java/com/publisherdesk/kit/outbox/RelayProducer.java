package com.publisherdesk.kit.outbox;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The relay's idempotent Kafka producer (acks from all in-sync replicas), created on first use. */
@ApplicationScoped
public class RelayProducer {

    private final String bootstrapServers;
    private final String clientId;
    private Producer<String, byte[]> producer;

    public RelayProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = serviceName + "-outbox";
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings(), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        }
    }

    private Properties settings() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return settings;
    }
}
