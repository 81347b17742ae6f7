package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.SupportRequestRouted;
import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.http.ContentType;

/**
 * A publisher asks about other billing topics against the four services running as processes: each request reaches
 * its channel's own Kafka topic and no other, is acknowledged by one email naming that channel, and shows on its
 * timeline as routed and acknowledged.
 */
class SupportRequestEndToEndIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldRouteABillingQuestionToTheBillingChannelOnlyAndAcknowledgeItOnceInEnglish() throws Exception {
        String id = file("northwind", Map.of("topic", "inconsistent-statements", "subject",
                "October usage does not match the invoice", "description", "The usage report shows 1,200 hours "
                        + "but the invoice bills 1,400.", "subscriptionId", "sub-1001", "customerName",
                "Alpine Bakery SARL"));

        SupportRequestRouted routed = awaitRouted(Topics.SUPPORT_BILLING, id);
        assertEquals("billing-support", routed.channel());
        assertEquals("sub-1001", routed.subscriptionId());
        assertNotOn(Topics.SUPPORT_DEVELOPER_ACCOUNT, id);
        MailboxEmail email = onlyEmail(id);
        assertEquals(List.of("billing@northwind.example"), email.to());
        assertTrue(email.subject().contains("We received your support request: Inconsistent billing or usage "
                + "statements") && email.text().contains("the desk routed it to Billing support"), email::toString);
        awaitRoutedAndAcknowledged("northwind", id, "Billing support");
    }

    @Test
    void shouldRouteADeveloperAccountQuestionToItsChannelOnlyAndAcknowledgeItOnceInFrench() throws Exception {
        String id = file("lumiere", Map.of("topic", "manage-web-services", "subject", "Nouvelle clé d'API",
                "description", "Nous devons renouveler l'accès de notre service de facturation aux services web."));

        SupportRequestRouted routed = awaitRouted(Topics.SUPPORT_DEVELOPER_ACCOUNT, id);
        assertEquals("developer-account", routed.channel());
        assertEquals("fr", routed.recipients().language());
        assertNotOn(Topics.SUPPORT_BILLING, id);
        MailboxEmail email = onlyEmail(id);
        assertEquals(List.of("facturation@lumiere.example"), email.to());
        assertTrue(email.subject().contains("Nous avons bien reçu votre demande d'assistance : Gérer les services "
                + "web") && email.text().contains("transmise au canal Support des comptes développeur"),
                email::toString);
        awaitRoutedAndAcknowledged("lumiere", id, "Developer account support");
    }

    private static String file(String publisher, Map<String, Object> body) {
        return desk.asAdminOf(publisher).contentType(ContentType.JSON).body(body)
                .post(desk.url("request-intake") + "/v1/publishers/" + publisher + "/support-requests")
                .then().statusCode(202).body("status", equalTo("routed")).extract().path("requestId");
    }

    private static void awaitRoutedAndAcknowledged(String publisher, String id, String channel) {
        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf(publisher)
                .get(desk.url("request-intake") + "/v1/publishers/" + publisher + "/requests/" + id)
                .then().statusCode(200).body("type", equalTo("support"), "status", equalTo("routed"),
                        "acknowledgement.state", equalTo("met"),
                        "timeline.step", hasItems("submitted", "routed", "acknowledged"),
                        "timeline.find { it.step == 'routed' }.description",
                        containsString(channel)));
    }

    /** The one email about the request, once it is the only one for a while (no second copy, no result email). */
    private static MailboxEmail onlyEmail(String id) {
        await().atMost(SETTLE).until(() -> !desk.mailbox().about(id).isEmpty());
        List<MailboxEmail> emails = await().during(Duration.ofSeconds(3)).atMost(SETTLE)
                .until(() -> desk.mailbox().about(id), found -> found.size() == 1 && found.get(0).deliveries() == 1);
        assertTrue(emails.get(0).messageId().contains(".acknowledgement@"), emails::toString);
        return emails.get(0);
    }

    private static SupportRequestRouted awaitRouted(String topic, String id) throws Exception {
        ConsumerRecord<String, String> record = await().atMost(SETTLE).until(() -> onTopic(topic).stream()
                .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals(Events.SUPPORT_REQUEST_ROUTED.name(),
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        return EventJson.mapper().readValue(record.value(), SupportRequestRouted.class);
    }

    private static void assertNotOn(String topic, String id) {
        assertFalse(onTopic(topic).stream().anyMatch(r -> id.equals(r.key())), id + " also went to " + topic);
    }

    /** Every record on {@code topic} up to its end now, read with a plain consumer of no group. */
    private static List<ConsumerRecord<String, String>> onTopic(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, desk.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(SETTLE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return records;
        }
    }
}
