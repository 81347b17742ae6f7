package com.publisherdesk.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.EmbeddedMail;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The mail server unreachable on a port that holds a 5 (such as 587) is an outage, not a refusal: the email stays
 * owed and is retried, and goes out once the server is back, once.
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.MailServerOnA5xxPort.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class SmtpOutageTest {

    private static final String PORT_PROPERTY = "publisherdesk.test.smtp-outage-port";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldRetryWhileTheServerIsUnreachableOnAPortHoldingA5AndSendOnceItIsBack() throws IOException {
        int port = MailServerOnA5xxPort.port();
        String id = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request(id)))
                    .awaitCompletion();
        }

        Email retried = await().atMost(Duration.ofSeconds(60))
                .failFast("an unreachable server was taken for a final refusal", () -> {
                    Email email = acknowledgement(id);
                    return email != null && email.status == EmailStatus.FAILED;
                })
                .until(() -> acknowledgement(id), email -> email != null && email.attempts >= 3);
        assertTrue(retried.status != EmailStatus.FAILED, retried.lastError);
        assertTrue(retried.lastError != null && retried.lastError.contains(Integer.toString(port)),
                "the failure names the port: " + retried.lastError);

        assumeTrue(canBind(port), "this test binds port " + port + " for the server's return, which needs the "
                + "right to bind ports below 1024");
        EmbeddedMail server = new EmbeddedMail(port, 0, 0).start();
        try {
            List<MailboxEmail> received = await().atMost(Duration.ofSeconds(60))
                    .until(() -> new Mailbox(server.mailboxUrl()).about(id), emails -> !emails.isEmpty());
            assertEquals(1, received.size(), received::toString);
            assertEquals(1, received.get(0).deliveries());
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgement(id).status == EmailStatus.SENT);
        } finally {
            server.stop();
        }
    }

    private static Email acknowledgement(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Email.ofRequest(UUID.fromString(id)).stream()
                .filter(email -> email.kind == EmailKind.ACKNOWLEDGEMENT).findFirst().orElse(null));
    }

    private static boolean canBind(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static RequestSubmitted request(String id) {
        LocalDate month = LocalDate.of(2026, 10, 1);
        return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@northwind.example", new Recipients("Northwind Apps", "billing@northwind.example", List.of(),
                "en"), new RequestDetails.Credit(new CreditRequestDetails("sub-1001", "Alpine Bakery SARL",
                new BigDecimal("120.00"), "EUR",
                        new DatePeriod(month, month.plusMonths(1).minusDays(1)), month.plusMonths(1),
                        "service-outage", "test"), null));
    }

    /** The mailer pointed at a port from 500 to 599 on which nothing listens: the mail server is down. */
    public static class MailServerOnA5xxPort implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return MailerPort.settings(port());
        }

        /** The port, chosen once per JVM. */
        static int port() {
            return MailerPort.once(PORT_PROPERTY, MailServerOnA5xxPort::closedPort);
        }

        private static int closedPort() {
            for (int port : List.of(587, 525, 550, 565, 599)) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                } catch (IOException refused) {
                    return port;
                }
            }
            throw new IllegalStateException("every port tried from 500 to 599 is in use");
        }
    }
}
