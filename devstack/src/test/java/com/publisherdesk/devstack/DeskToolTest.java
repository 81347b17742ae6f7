package com.publisherdesk.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** {@code ./desk events} reads a cluster with the Kafka client settings the services are given. */
class DeskToolTest {

    @Test
    void shouldTakeEveryKafkaClientSettingFromTheEnvironmentAsTheServicesDo() {
        Properties settings = DeskTool.consumerSettings("broker-1:9093", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/desk/truststore.p12",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "KAFKA_CHANNEL_CONCURRENCY", "3",
                "PATH", "/usr/bin"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("PLAIN", settings.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required;",
                settings.get("sasl.jaas.config"));
        assertEquals("/etc/desk/truststore.p12", settings.get("ssl.truststore.location"));
        assertEquals("broker-1:9093", settings.get("bootstrap.servers"));
        assertFalse(settings.containsKey("channel.concurrency"), "not a consumer setting");
        assertFalse(settings.containsKey("path"));
    }
}
