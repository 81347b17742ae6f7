package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * The mailbox over HTTP: {@code GET /messages} (JSON), {@code GET /messages.txt} (a line per email),
 * {@code DELETE /messages}, and {@code POST /smtp/stop} / {@code POST /smtp/start} to simulate a mail server outage
 * from any process. The SMTP server keeps a copy per recipient; here each email appears once, with the
 * number of times it was delivered, so a duplicate send shows as {@code deliveries > 1}.
 */
final class MailboxHttp {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final int port;
    private final EmbeddedMail mail;
    private final Map<MimeMessage, MailboxEmail> parsed = new java.util.WeakHashMap<>();
    private HttpServer server;

    MailboxHttp(int port, EmbeddedMail mail) {
        this.port = port;
        this.mail = mail;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the mailbox on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mailbox-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    int port() {
        return port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("DELETE") && path.equals("/messages")) {
                mail.purge();
                respond(exchange, 204, "text/plain", "");
            } else if (method.equals("GET") && path.equals("/messages")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(emails()));
            } else if (method.equals("POST") && path.equals("/smtp/stop")) {
                mail.stopSmtp();
                respond(exchange, 204, "text/plain", "");
            } else if (method.equals("POST") && path.equals("/smtp/start")) {
                mail.start();
                respond(exchange, 204, "text/plain", "");
            } else if (method.equals("GET") && (path.equals("/messages.txt") || path.equals("/"))) {
                respond(exchange, 200, "text/plain; charset=utf-8", lines());
            } else {
                respond(exchange, 404, "text/plain", "GET /messages, GET /messages.txt or DELETE /messages\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", String.valueOf(e.getMessage()));
        }
    }

    private List<MailboxEmail> emails() {
        return MailboxEmail.collapseCopies(mail.receivedMessages().stream().map(this::parse).toList());
    }

    private synchronized MailboxEmail parse(MimeMessage message) {
        return parsed.computeIfAbsent(message, MailboxEmail::of);
    }

    private String lines() {
        return MailboxEmail.lines(emails());
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
