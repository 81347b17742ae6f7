package com.publisherdesk.devstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the emails a GreenMail standalone server received (the mail server docker-compose runs) through its REST API:
 * every mailbox's INBOX but the desk's sent-mail journal, each email once with its number of deliveries.
 */
public final class GreenMailApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();

    /** A client for the API at {@code url}, such as {@code http://localhost:8025}. */
    public GreenMailApi(String url) {
        this.url = url;
    }

    /** Every email received so far, oldest first. */
    public List<MailboxEmail> emails() {
        List<MailboxEmail> copies = new ArrayList<>();
        for (JsonNode user : get("/api/user")) {
            String email = user.path("email").asText();
            if (!EmbeddedMail.JOURNAL_ADDRESS.equalsIgnoreCase(email)) {
                for (JsonNode message : get("/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "/messages/")) {
                    copies.add(MailboxEmail.of(parse(message.path("mimeMessage").asText())));
                }
            }
        }
        copies.sort(java.util.Comparator.comparing(MailboxEmail::receivedAt));
        return MailboxEmail.collapseCopies(copies);
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GreenMail at " + url + " answered " + response.statusCode()
                        + " to " + path);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail's API at " + url + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable email from GreenMail", e);
        }
    }
}
