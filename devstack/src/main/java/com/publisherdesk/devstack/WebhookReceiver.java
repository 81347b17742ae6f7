package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A publisher's webhook receiver for tests, on loopback: it checks each delivery's {@code Desk-Signature} as a
 * publisher's system would (HMAC-SHA256 of {@code <t>.<body>} with the secret, {@code t} within five minutes),
 * answers 503 to as many deliveries as it is told to fail, can be taken down and brought back on the same port, and
 * keeps every delivery it accepted.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final List<Delivery> accepted = new ArrayList<>();
    private final AtomicInteger toFail = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile String secret;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free loopback port. */
    public static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(Ports.free());
        receiver.up();
        return receiver;
    }

    /** Where it listens. */
    public String url() {
        return "http://127.0.0.1:" + port + "/desk-events";
    }

    /** The secret the desk showed when the endpoint was registered. */
    public void secret(String secret) {
        this.secret = secret;
    }

    /** Answers 503 to the next {@code count} deliveries. */
    public void failNext(int count) {
        toFail.set(count);
    }

    /** Listens again, on the same port. */
    public synchronized void up() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.createContext("/desk-events", this::handle);
            server.start();
        }
    }

    /** Stops listening: deliveries meanwhile find the port closed. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Every delivery accepted, in the order it arrived (a delivery sent again appears again). */
    public synchronized List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    /** The accepted deliveries about one request, in order. */
    public List<Delivery> about(String requestId) {
        return accepted().stream().filter(d -> requestId.equals(d.subject())).collect(Collectors.toList());
    }

    /** Every attempt that reached it, refused ones included. */
    public int attempts() {
        return attempts.get();
    }

    /** Deliveries refused for a missing, wrong or stale signature. */
    public int badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        down();
    }

    private void handle(HttpExchange exchange) throws IOException {
        attempts.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = answer(body, exchange.getRequestHeaders().getFirst("Desk-Signature"),
                exchange.getRequestHeaders().getFirst("Desk-Event-Id"));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private int answer(String body, String signature, String eventId) throws IOException {
        if (!isSigned(body, signature)) {
            badSignatures.incrementAndGet();
            return 400;
        }
        if (toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return 503;
        }
        JsonNode event = JSON.readTree(body);
        synchronized (this) {
            accepted.add(new Delivery(event.path("id").asText(), eventId, event.path("type").asText(),
                    event.path("subject").asText(), event.path("data"), event));
        }
        return 204;
    }

    private boolean isSigned(String body, String header) {
        if (secret == null || header == null) {
            return false;
        }
        Map<String, String> parts = java.util.Arrays.stream(header.split(",")).map(p -> p.split("=", 2))
                .filter(p -> p.length == 2).collect(Collectors.toMap(p -> p[0].trim(), p -> p[1].trim(), (a, b) -> a));
        try {
            long sentAt = Long.parseLong(parts.getOrDefault("t", ""));
            if (Duration.between(Instant.ofEpochSecond(sentAt), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((sentAt + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.getOrDefault("v1", "")));
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * One delivery accepted.
     *
     * @param id        the event's id (its {@code ce_id}) as the body says
     * @param idHeader  the same id as the {@code Desk-Event-Id} header says
     * @param type      the event's type
     * @param subject   the request id
     * @param data      the event's data
     * @param event     the whole CloudEvent
     */
    public record Delivery(String id, String idHeader, String type, String subject, JsonNode data, JsonNode event) {
    }
}
