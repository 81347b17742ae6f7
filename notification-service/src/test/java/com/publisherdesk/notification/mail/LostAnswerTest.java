package com.publisherdesk.notification.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.EmailStatus;
import com.publisherdesk.notification.MailerPort;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The connection to the mail server is cut after the server took an email in, before its answer reached the desk:
 * the desk cannot know that the email went out, so its next attempt asks the sent-mail journal, finds it there, and
 * records it as sent without sending it a second time.
 */
@QuarkusTest
@TestProfile(LostAnswerTest.AnswerLostOnce.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class LostAnswerTest {

    @ConfigProperty(name = "desk.mailbox.url")
    String mailboxUrl;

    @Inject
    EmailSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void shouldNotSendAgainAnEmailWhoseAcceptanceWasLostWithTheConnection() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().call(() -> {
            EmailSenderTest.request(id, "billing@northwind.example").persist();
            sender.wakeAfterCommit(transactions);
            return Email.owe(id, EmailKind.ACKNOWLEDGEMENT, null, null);
        });

        Email sent = await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgement(id),
                email -> email.status == EmailStatus.SENT);
        assertTrue(Boolean.getBoolean(AnswerLostOnce.CUT_PROPERTY),
                "the connection was cut after the server took the email in");
        assertEquals(2, sent.attempts, "a first attempt without an answer, then the journal's");
        List<MailboxEmail> received = new Mailbox(mailboxUrl).about(id.toString());
        assertEquals(1, received.size(), received::toString);
        assertEquals(1, received.get(0).deliveries(), "the email went out once");
    }

    private static Email acknowledgement(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Email.ofRequest(id).stream()
                .filter(email -> email.kind == EmailKind.ACKNOWLEDGEMENT).findFirst().orElseThrow());
    }

    /**
     * The mailer talks to the mail server through a relay that, once, forwards the end of an email's data to the
     * server, then closes the connection when the server answers, instead of passing the answer on.
     */
    public static class AnswerLostOnce implements QuarkusTestProfile {

        private static final String PORT_PROPERTY = "publisherdesk.test.lost-answer-port";
        private static final String UPSTREAM_PROPERTY = "publisherdesk.devstack.quarkus.mailer.port";
        private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes();
        /** Set once the relay cut a connection (a system property, seen from every class loader). */
        static final String CUT_PROPERTY = "publisherdesk.test.lost-answer-cut";
        private static final AtomicBoolean CUT = new AtomicBoolean();

        @Override
        public Map<String, String> getConfigOverrides() {
            return MailerPort.settings(port());
        }

        /** The relay's port, started once per JVM. */
        static int port() {
            return MailerPort.once(PORT_PROPERTY, AnswerLostOnce::startRelay);
        }

        private static int startRelay() {
            try {
                ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread accepting = new Thread(() -> {
                    while (!listener.isClosed()) {
                        try {
                            relay(listener.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                }, "lost-answer-relay");
                accepting.setDaemon(true);
                accepting.start();
                return listener.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void relay(Socket client) throws IOException {
            Socket server = new Socket(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(System.getProperty(UPSTREAM_PROPERTY)));
            AtomicBoolean swallowAnswer = new AtomicBoolean();
            int[] matched = {0};
            pump(client, server, (buffer, length) -> {
                for (int i = 0; i < length; i++) {
                    matched[0] = buffer[i] == END_OF_DATA[matched[0]] ? matched[0] + 1
                            : buffer[i] == END_OF_DATA[0] ? 1 : 0;
                    if (matched[0] == END_OF_DATA.length) {
                        matched[0] = 0;
                        if (CUT.compareAndSet(false, true)) {
                            swallowAnswer.set(true);
                            System.setProperty(CUT_PROPERTY, "true");
                        }
                    }
                }
                return true;
            });
            pump(server, client, (buffer, length) -> !swallowAnswer.get());
        }

        /** Copies {@code from} to {@code to} while {@code forward} says so; then closes both. */
        private static void pump(Socket from, Socket to, Forward forward) {
            Thread copying = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int length;
                    while ((length = in.read(buffer)) >= 0) {
                        boolean pass = forward.pass(buffer, length);
                        if (!pass) {
                            break;
                        }
                        out.write(buffer, 0, length);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the other side closed the connection
                } finally {
                    close(from);
                    close(to);
                }
            }, "lost-answer-pump");
            copying.setDaemon(true);
            copying.start();
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        private interface Forward {
            boolean pass(byte[] buffer, int length);
        }
    }
}
