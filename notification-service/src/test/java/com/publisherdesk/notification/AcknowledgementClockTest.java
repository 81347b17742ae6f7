package com.publisherdesk.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class AcknowledgementClockTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> notifications;
    private Mailbox mailbox;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        notifications = kafka.consumeStrings().fromTopics("notifications");
        mailbox = new Mailbox(mailboxUrl);
    }

    @AfterEach
    void close() {
        mailbox.startSmtp();
        notifications.close();
        kafka.close();
    }

    @Test
    void shouldRecordThatTheDeadlineWasMetWhenTheAcknowledgementGoesOutInTime() {
        String id = UUID.randomUUID().toString();
        send(id, Duration.ofHours(24));
        awaitEvent(id, Events.ACKNOWLEDGEMENT_DEADLINE_MET);
        assertMetric("met");
    }

    @Test
    void shouldWarnThenReportTheBreachWhileTheMailServerIsDownAndAcknowledgeOnceItIsBack() throws Exception {
        mailbox.stopSmtp();
        String id = UUID.randomUUID().toString();
        send(id, Duration.ofSeconds(3));

        awaitEvent(id, Events.ACKNOWLEDGEMENT_DEADLINE_WARNING);
        awaitEvent(id, Events.ACKNOWLEDGEMENT_DEADLINE_BREACHED);
        assertTrue(mailbox.about(id).isEmpty());
        assertMetric("warned");
        assertMetric("breached");

        mailbox.startSmtp();
        // A mail server that has just restarted may hold the first session until its own 30 s timeout.
        List<MailboxEmail> emails = await().atMost(Duration.ofSeconds(90))
                .until(() -> mailbox.about(id), found -> !found.isEmpty());
        AcknowledgementSent sent = EventJson.mapper().readValue(awaitEvent(id, Events.ACKNOWLEDGEMENT_SENT).value(),
                AcknowledgementSent.class);
        assertFalse(sent.onTime());
        assertEquals(1, emails.size());
        assertEquals(1, emails.get(0).deliveries());
        assertTrue(notifications.getRecords().stream().filter(r -> id.equals(r.key()))
                .noneMatch(r -> type(r).equals(Events.ACKNOWLEDGEMENT_DEADLINE_MET.name())));
    }

    private void assertMetric(String outcome) {
        given().get(metrics).then().statusCode(200)
                .body(containsString("desk_acknowledgement_deadlines_total{outcome=\"" + outcome + "\""));
    }

    private void send(String id, Duration window) {
        LocalDate month = LocalDate.of(2026, 10, 1);
        Instant now = Instant.now();
        CreditRequestDetails credit = new CreditRequestDetails("sub-1001", "Alpine Bakery SARL",
                new BigDecimal("120.00"), "EUR", new DatePeriod(month, month.plusMonths(1).minusDays(1)),
                month.plusMonths(1), "service-outage", "test");
        RequestSubmitted request = new RequestSubmitted(id, "northwind", now, now.plus(window),
                "admin@northwind.example", new Recipients("Northwind Apps", "billing@northwind.example", List.of(),
                        "en"), new RequestDetails.Credit(credit, null));
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request))
                .awaitCompletion();
    }

    private ConsumerRecord<String, String> awaitEvent(String id, EventType<?> eventType) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notifications.getRecords().stream()
                .filter(r -> id.equals(r.key())).filter(r -> eventType.name().equals(type(r))).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }
}
