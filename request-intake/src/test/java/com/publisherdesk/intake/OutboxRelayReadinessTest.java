package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.kit.outbox.OutboxEvent;
import com.publisherdesk.kit.outbox.RelayProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The outbox relay's producer is built from the same Kafka client settings as the messaging channels, and the service
 * stops reporting itself ready while the relay cannot publish.
 */
@QuarkusTest
@TestProfile(OutboxRelayReadinessTest.ClientSettings.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class OutboxRelayReadinessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    RelayProducer producer;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void shouldBuildTheRelaysProducerFromTheKafkaClientSettingsTheChannelsUse() {
        Map<String, Object> settings = producer.settings();
        assertEquals(bootstrapServers, settings.get("bootstrap.servers"));
        assertEquals("240000", String.valueOf(settings.get("metadata.max.age.ms")));
        assertEquals("all", settings.get("acks"));
        assertEquals("true", settings.get("enable.idempotence"));
        assertEquals("request-intake-outbox", settings.get("client.id"));
        assertFalse(settings.containsKey("session.timeout.ms"), "a consumer's setting reached the producer");
    }

    @Test
    void shouldReportNotReadyWhileTheRelayCannotPublishAndReadyOnceItCanAgain() {
        given().get(readiness).then().statusCode(200);
        Long poison = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent event = new OutboxEvent();
            event.id = UUID.randomUUID();
            event.topic = "no such topic!";
            event.recordKey = event.id.toString();
            event.type = "com.publisherdesk.test.unpublishable.v1";
            event.occurredAt = Instant.now();
            event.payload = "{}";
            event.persist();
            return event.position;
        });
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(readiness).then()
                    .statusCode(503).body("checks.find { it.name == 'Outbox relay' }.status", equalTo("DOWN"),
                            "checks.status", hasItem("DOWN")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.deleteById(poison));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(readiness).then()
                .statusCode(200).body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP")));
    }

    /** A Kafka client setting for every client, and a short grace before the relay's failures make it not ready. */
    public static class ClientSettings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.metadata.max.age.ms", "240000", "desk.outbox.unready-after", "2s");
        }
    }
}
