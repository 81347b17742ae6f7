package com.publisherdesk.validation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.kit.inbox.ProcessedEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A poll's records are applied together, in transactions of a bounded size: an event delivered twice in one batch is
 * applied once, and a record that cannot be applied, wherever it sits in the batch, goes to the dead-letter topic alone
 * while the others are applied.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class BatchInboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> verdicts;
    private ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        verdicts = kafka.consumeStrings().fromTopics("request-validations");
        if (!kafka.topics().list().contains("validation-service-dlq")) {
            kafka.topics().createAndWait("validation-service-dlq", 1);
        }
        deadLetters = kafka.consumeStrings().fromTopics("validation-service-dlq");
    }

    @AfterEach
    void close() {
        verdicts.close();
        deadLetters.close();
        kafka.close();
    }

    @Test
    void shouldApplyTheRestOfABatchOnceAndDeadLetterOnlyItsPoison() {
        List<String> good = new ArrayList<>();
        List<String> poison = new ArrayList<>();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        String twice = UUID.randomUUID().toString();
        UUID twiceEvent = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            String requestId = UUID.randomUUID().toString();
            if (i == 7) {
                poison.add(requestId);
                batch.add(withBody(requestId, "{not json"));
            } else if (i == 19) {
                poison.add(requestId);
                RequestSubmitted unusable = OwnershipCheckTest.request("not-a-request-id", "northwind", "sub-1001",
                        "Alpine Bakery SARL");
                batch.add(CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId, unusable));
            } else if (i == 11 || i == 23) {
                batch.add(CloudEventRecords.record(Events.REQUEST_SUBMITTED, twice,
                        OwnershipCheckTest.request(twice, "northwind", "sub-1001", "Alpine Bakery SARL"), twiceEvent));
            } else {
                good.add(requestId);
                batch.add(CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId,
                        OwnershipCheckTest.request(requestId, "northwind", "sub-1001", "Alpine Bakery SARL")));
            }
        }
        good.add(twice);
        kafka.produceStrings().fromRecords(batch).awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String requestId : good) {
                assertEquals(1, verdictsAbout(requestId), "one verdict about " + requestId);
            }
            for (String requestId : poison) {
                assertEquals(1, deadLetters.getRecords().stream().filter(r -> requestId.equals(r.key())).count(),
                        "one dead letter of " + requestId);
            }
        });
        for (String requestId : poison) {
            ConsumerRecord<String, String> letter = deadLetters.getRecords().stream()
                    .filter(r -> requestId.equals(r.key())).findFirst().orElseThrow();
            assertEquals("requests", header(letter, "dead-letter-topic"));
            assertNotNull(header(letter, "dead-letter-reason"));
            assertNotNull(header(letter, "dead-letter-offset"));
            assertEquals(Events.REQUEST_SUBMITTED.name(), header(letter, "ce_type"), "the record's own headers kept");
            assertEquals(0, verdictsAbout(requestId), "no verdict about poison");
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.countAbout(twice)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> verdictsAbout(twice) == 1);
    }

    @Test
    void shouldApplyAPollInTransactionsOfAtMostTheConfiguredNumberOfRecords() {
        List<String> requestIds = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String requestId = UUID.randomUUID().toString();
            requestIds.add(requestId);
            burst.add(CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId,
                    OwnershipCheckTest.request(requestId, "northwind", "sub-1001", "Alpine Bakery SARL")));
        }
        kafka.produceStrings().fromRecords(burst).awaitCompletion();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> requestIds.stream().allMatch(requestId -> verdictsAbout(requestId) == 1));
        // processed_at is the time its transaction started: events that share it were applied together.
        Map<Instant, Long> perTransaction = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent
                .<ProcessedEvent>list("subject in ?1", requestIds).stream()
                .collect(Collectors.groupingBy(event -> event.processedAt, Collectors.counting())));
        assertEquals(40, perTransaction.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(perTransaction.values().stream().allMatch(records -> records <= 10),
                "no transaction applied more than 10 records: " + perTransaction.values());
    }

    private long verdictsAbout(String requestId) {
        return verdicts.getRecords().stream().filter(r -> requestId.equals(r.key())).count();
    }

    private static ProducerRecord<String, String> withBody(String requestId, String body) {
        ProducerRecord<String, String> valid = CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId,
                OwnershipCheckTest.request(requestId, "northwind", "sub-1001", "x"));
        return new ProducerRecord<>(valid.topic(), null, requestId, body, valid.headers());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
