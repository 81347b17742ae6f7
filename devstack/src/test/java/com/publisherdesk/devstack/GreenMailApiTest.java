package com.publisherdesk.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code DESK_MAIL_API=greenmail ./desk mail} against the GreenMail standalone server that docker-compose runs (its
 * jar, started as the image starts it), and the image's healthcheck from docker-compose.yml against that server.
 */
class GreenMailApiTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final int SMTP_PORT = Ports.free();
    private static final int API_PORT = Ports.free();
    private static Process greenMail;

    @BeforeAll
    static void startGreenMail() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        greenMail = new ProcessBuilder(java, "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + SMTP_PORT, "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + API_PORT, "-Dgreenmail.auth.disabled", "-jar",
                Path.of("target/greenmail/greenmail-standalone.jar").toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target/greenmail/greenmail.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    }

    @AfterAll
    static void stopGreenMail() throws InterruptedException {
        greenMail.destroy();
        greenMail.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldListEachEmailOnceWithItsDeliveriesAndWithoutTheSentMailJournal() throws MessagingException {
        send("<ack-1@publisherdesk.example>", "Your request is acknowledged", "billing@northwind.example");
        send("<result-1@publisherdesk.example>", "Your credit is approved", "billing@northwind.example");
        send("<result-1@publisherdesk.example>", "Your credit is approved", "billing@northwind.example");

        List<MailboxEmail> emails = new GreenMailApi("http://127.0.0.1:" + API_PORT).emails();

        assertEquals(List.of("Your request is acknowledged", "Your credit is approved"),
                emails.stream().map(MailboxEmail::subject).toList());
        assertEquals(List.of(1, 2), emails.stream().map(MailboxEmail::deliveries).toList());
        assertEquals(List.of("billing@northwind.example"), emails.get(0).to());
        assertTrue(MailboxEmail.lines(emails).contains("billing@northwind.example  Your credit is approved  "
                + "(delivered 2 times)"), MailboxEmail.lines(emails));
    }

    @Test
    void theComposeHealthcheckOfTheMailServerPassesOnceItsApiIsReady() throws IOException, InterruptedException {
        Matcher healthcheck = Pattern.compile("\"(\\{ printf 'GET /api/service/readiness[^\"]*)\"")
                .matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertTrue(healthcheck.find(), "docker-compose.yml checks GreenMail's readiness");
        String command = healthcheck.group(1).replace("\\\\", "\\").replace("localhost/8080", "localhost/" + API_PORT);
        Process check = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        assertTrue(check.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), command);
    }

    private static void send(String messageId, String subject, String to) throws MessagingException {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", Integer.toString(SMTP_PORT));
        MimeMessage message = new MimeMessage(Session.getInstance(settings)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom("no-reply@publisherdesk.example");
        message.setRecipients(RecipientType.TO, to);
        message.setRecipients(RecipientType.BCC, EmbeddedMail.JOURNAL_ADDRESS);
        message.setSubject(subject);
        message.setText("Hello");
        Transport.send(message);
    }

    private static int readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT
                    + "/api/service/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
