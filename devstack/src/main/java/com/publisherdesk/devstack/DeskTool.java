package com.publisherdesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Small commands for people using a running desk: the emails sent so far, the events on a topic, a bearer token.
 */
public final class DeskTool {

    private DeskTool() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 3 && args[0].equals("mail")) {
            printMail(args[1], args[2]);
        } else if (args.length == 3 && args[0].equals("events")) {
            printEvents(args[1], args[2]);
        } else if (args.length >= 3 && args[0].equals("token")) {
            printToken(java.nio.file.Path.of(args[1]), args[2], List.of(args).subList(3, args.length));
        } else {
            System.err.println("usage: DeskTool mail MAILBOX_URL embedded|greenmail | DeskTool events BOOTSTRAP_SERVERS TOPIC"
                    + " | DeskTool token DATA_DIR EMAIL [--role ROLE]... [--hours N]");
            System.exit(2);
        }
    }

    /**
     * Prints a bearer token for {@code email} signed by the local issuer of the desk whose data is in {@code dataDir}
     * (its keys are created on first use, so a token printed before the first run works once the desk is up).
     */
    static void printToken(java.nio.file.Path dataDir, String email, List<String> options) {
        List<String> roles = new java.util.ArrayList<>();
        Duration lifetime = DeskTokens.DEFAULT_LIFETIME;
        for (int i = 0; i + 1 < options.size(); i += 2) {
            switch (options.get(i)) {
                case "--role" -> roles.add(options.get(i + 1));
                case "--hours" -> lifetime = Duration.ofHours(Long.parseLong(options.get(i + 1)));
                default -> throw new IllegalArgumentException("Unknown option " + options.get(i));
            }
        }
        System.out.println(DeskTokens.in(dataDir.resolve("tokens")).issue(email, roles, lifetime));
    }

    /**
     * Prints one line per email the SMTP server received (time, recipients, subject), read from the embedded desk's
     * mailbox or, for {@code greenmail}, from the API of the GreenMail server that docker-compose runs.
     */
    static void printMail(String mailboxUrl, String server) throws IOException, InterruptedException {
        if (server.equals("greenmail")) {
            System.out.print(MailboxEmail.lines(new GreenMailApi(mailboxUrl).emails()));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(mailboxUrl + "/messages.txt"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.print(response.body());
    }

    /**
     * The Kafka consumer settings for {@code bootstrapServers}, with every Kafka client setting given the way the
     * services take them: an environment variable {@code KAFKA_SECURITY_PROTOCOL} is {@code security.protocol},
     * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}, and so on (those no consumer knows are left out).
     */
    static Properties consumerSettings(String bootstrapServers, Map<String, String> environment) {
        Properties settings = new Properties();
        environment.forEach((name, value) -> {
            String key = name.startsWith("KAFKA_") ? name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.') : "";
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /** Prints every event on a topic from the beginning, until none arrives for two seconds (15 s at most). */
    static void printEvents(String bootstrapServers, String topic) {
        Properties settings = consumerSettings(bootstrapServers, System.getenv());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "desk-tool-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long idleSince = System.nanoTime();
            long giveUpAt = idleSince + Duration.ofSeconds(15).toNanos();
            while ((System.nanoTime() - idleSince < Duration.ofSeconds(2).toNanos()
                    || consumer.assignment().isEmpty()) && System.nanoTime() < giveUpAt) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    idleSince = System.nanoTime();
                }
                records.forEach(DeskTool::print);
            }
        }
    }

    private static void print(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        System.out.printf("%s  %s  %s  %s%n", java.time.Instant.ofEpochMilli(record.timestamp()), record.key(),
                type == null ? "-" : new String(type.value(), StandardCharsets.UTF_8), record.value());
    }
}
