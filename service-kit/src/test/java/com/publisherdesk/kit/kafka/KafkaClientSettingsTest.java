package com.publisherdesk.kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every client gets the cluster settings the messaging channels get, each kind only what it takes. */
class KafkaClientSettingsTest {

    private static final Map<String, Object> SHARED = Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/desk/truststore.p12",
            "tls-configuration-name", "kafka",
            "group.id", "request-intake",
            "session.timeout.ms", "10000",
            "linger.ms", "5");

    private final KafkaClientSettings settings = new KafkaClientSettings(SHARED);

    @Test
    void shouldGiveProducersTheClusterSettingsAndNotTheConsumersOwn() {
        Map<String, Object> producer = settings.producer();
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals(SHARED.get("sasl.jaas.config"), producer.get("sasl.jaas.config"));
        assertEquals("/etc/desk/truststore.p12", producer.get("ssl.truststore.location"));
        assertEquals("kafka", producer.get("tls-configuration-name"));
        assertEquals("5", producer.get("linger.ms"));
        assertFalse(producer.containsKey("group.id"));
        assertFalse(producer.containsKey("session.timeout.ms"));
    }

    @Test
    void shouldGiveConsumersTheClusterSettingsAndNotTheProducersOwn() {
        Map<String, Object> consumer = settings.consumer();
        assertEquals("broker-1:9093", consumer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", consumer.get("security.protocol"));
        assertEquals("10000", consumer.get("session.timeout.ms"));
        assertFalse(consumer.containsKey("linger.ms"));
    }
}
