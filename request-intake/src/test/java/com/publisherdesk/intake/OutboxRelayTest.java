package com.publisherdesk.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.kit.outbox.Outbox;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The outbox relay against writers whose transactions commit out of the order in which they took positions. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    private static final int WRITERS = 12;
    private static final int EVENTS_PER_WRITER = 60;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Outbox outbox;

    @Test
    void shouldRelayEveryCommittedEventWhenTransactionsCommitOutOfOrder() throws Exception {
        String marker = "relay-test-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            written.add(writers.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int n = 0; n < EVENTS_PER_WRITER; n++) {
                    String id = String.format(Locale.ROOT, "%s-%02d-%03d", marker, writer, n);
                    QuarkusTransaction.requiringNew().run(() -> {
                        outbox.publish(Events.REQUEST_SUBMITTED, id, submitted(id));
                        // Holds the position taken above open while other writers commit later positions: this
                        // shapes the interleaving, it waits for no condition.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current()
                                .nextInt(0, 8)));
                    });
                    ids.add(id);
                }
                return ids;
            }));
        }
        Set<String> committed = new HashSet<>();
        for (Future<List<String>> ids : written) {
            committed.addAll(ids.get(2, TimeUnit.MINUTES));
        }
        writers.shutdown();

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> requests = kafka.consumeStrings().fromTopics("requests");
            assertEquals(WRITERS * EVENTS_PER_WRITER, committed.size());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, missing(committed,
                    relayed(requests, marker)), "committed events never relayed"));
            requests.close();
        }
    }

    private static int missing(Set<String> committed, Set<String> relayed) {
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(relayed);
        return missing.size();
    }

    private static Set<String> relayed(ConsumerTask<String, String> requests, String marker) {
        Set<String> relayed = new HashSet<>();
        for (ConsumerRecord<String, String> record : requests.getRecords()) {
            if (record.key() != null && record.key().startsWith(marker)) {
                relayed.add(record.key());
            }
        }
        return relayed;
    }

    private static RequestSubmitted submitted(String id) {
        Instant now = Instant.now();
        return new RequestSubmitted(id, "northwind", now, now.plus(Duration.ofHours(24)),
                "billing@northwind.example", new Recipients("Northwind", "billing@northwind.example", List.of(), "en"),
                new RequestDetails.AdminChange(new AdminChangeDetails(AdminChangeDetails.ADDED,
                        "finance@northwind.example")));
    }

}
