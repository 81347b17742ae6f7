package com.publisherdesk.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class DevStackTest {

    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStackOptions.forTests());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void shouldKeepKafkaRecordsAcrossABrokerRestart() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("devstack-check", "k1", "before restart")).get();
        }
        stack.kafka().stop();
        stack.kafka().start();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("devstack-check", "k1", "after restart")).get();
        }
        assertEquals(List.of("before restart", "after restart"), consumeAll("devstack-check", 2));
    }

    @Test
    void shouldKeepRowsAcrossADatabaseRestart() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table devstack_check (id int primary key, note text)");
            statement.execute("insert into devstack_check values (1, 'kept')");
        }
        stack.database().stop();
        stack.database().start();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select note from devstack_check where id = 1")) {
            assertTrue(rows.next());
            assertEquals("kept", rows.getString(1));
        }
    }

    @Test
    void shouldShowAnEmailSentOverSmtpInTheMailboxOnceWhateverTheNumberOfRecipients() throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", Integer.toString(stack.mail().smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(settings)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<devstack-check@publisherdesk>");
            }
        };
        message.setFrom(new InternetAddress("desk@publisherdesk.example"));
        message.setRecipients(Message.RecipientType.TO, "a@example.com");
        message.setRecipients(Message.RecipientType.CC, "b@example.com");
        message.setSubject("Hello from the devstack check");
        message.setText("Body");
        Transport.send(message);

        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String json = http.send(HttpRequest.newBuilder(URI.create(stack.mail().mailboxUrl() + "/messages"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(json.contains("Hello from the devstack check"), json);
            assertTrue(json.contains("\"deliveries\":1"), json);
        });
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.database().jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    private static KafkaProducer<String, String> producer() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", stack.kafka().bootstrapServers());
        settings.put("acks", "all");
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeAll(String topic, int expected) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", stack.kafka().bootstrapServers());
        settings.put("group.id", "devstack-check");
        settings.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
            return values;
        }
    }
}
