package com.publisherdesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the emails the SMTP server received, through its HTTP mailbox, as a test or a tool would. */
public final class Mailbox {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String url;
    private final URI messages;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A client for the mailbox at {@code url} (the {@code desk.mailbox.url} setting). */
    public Mailbox(String url) {
        this.url = url;
        this.messages = URI.create(url + "/messages");
    }

    /** Every email received so far, each once, with its number of deliveries. */
    public List<MailboxEmail> emails() {
        try {
            String body = http.send(HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return JSON.readValue(body, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("The mailbox at " + messages + " cannot be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the SMTP server, as an outage would; the mailbox keeps what it received. */
    public void stopSmtp() {
        post("/smtp/stop");
    }

    /** Starts the SMTP server again on the same port. */
    public void startSmtp() {
        post("/smtp/start");
    }

    private void post(String path) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("The mailbox at " + url + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The emails about one request: those whose Message-ID names it. */
    public List<MailboxEmail> about(String requestId) {
        return emails().stream().filter(e -> e.messageId() != null && e.messageId().contains(requestId)).toList();
    }
}
