package com.publisherdesk.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.notification.mail.EmailSender;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The sender's lines about an email carry the request's id and the trace of the event that made the email owed,
 * although the sender works on a thread of its own, long after that event was applied.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class EmailLogContextTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord line) {
                line.copyMdc();
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Mailbox mailbox;

    @BeforeEach
    void listen() {
        Logger.getLogger(EmailSender.class.getName()).addHandler(capture);
        mailbox = new Mailbox(mailboxUrl);
    }

    @AfterEach
    void stopListening() {
        mailbox.startSmtp();
        Logger.getLogger(EmailSender.class.getName()).removeHandler(capture);
    }

    @Test
    void shouldLogARetriedEmailWithItsRequestAndTheTraceOfTheEventThatOwedIt() {
        mailbox.stopSmtp();
        String id = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ProducerRecord<String, String> record = CloudEventRecords.record(Events.REQUEST_SUBMITTED, id,
                    request(id));
            record.headers().add("traceparent", ("00-" + TRACE + "-b7ad6b7169203331-01")
                    .getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(record).awaitCompletion();
        }

        ExtLogRecord retried = await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream()
                .filter(line -> String.valueOf(line.getFormattedMessage()).contains(id)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals(id, retried.getMdc("requestId"));
        assertEquals(TRACE, retried.getMdc("traceId"));
    }

    private static RequestSubmitted request(String id) {
        LocalDate month = LocalDate.of(2026, 10, 1);
        Instant now = Instant.now();
        CreditRequestDetails credit = new CreditRequestDetails("sub-1001", "Alpine Bakery SARL",
                new BigDecimal("120.00"), "EUR", new DatePeriod(month, month.plusMonths(1).minusDays(1)),
                month.plusMonths(1), "service-outage", "test");
        return new RequestSubmitted(id, "northwind", now, now.plus(Duration.ofHours(24)), "admin@northwind.example",
                new Recipients("Northwind Apps", "billing@northwind.example", List.of(), "en"),
                new RequestDetails.Credit(credit, null));
    }
}
