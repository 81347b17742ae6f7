package com.publisherdesk.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

/**
 * An HTTP/1.1 request whose body is announced by its {@code Content-Length} and sent only in part (the first 16 KiB)
 * before the answer is read: a server that checks the declared size answers without waiting for the rest.
 */
final class RawHttp {

    private static final int SENT_BEFORE_READING = 16 * 1024;

    private RawHttp() {
    }

    static HttpResponse<String> sendHead(URI uri, String method, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, Math.min(body.length, SENT_BEFORE_READING));
            out.flush();
            return parse(uri, readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " with a " + body.length + "-byte body: no answer (" + e
                    + ")", e);
        }
    }

    /** The answer's head and as much body as its Content-Length says (the server need not close the connection). */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0 && all.size() >= end + 4 + declaredLength(text.substring(0, end))) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // The server closed the connection after answering, with the rest of the body unread: expected.
        }
        return all.toByteArray();
    }

    private static int declaredLength(String head) {
        return head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
    }

    private static HttpResponse<String> parse(URI uri, byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError(uri + ": no HTTP answer, only " + raw.length + " bytes");
        }
        List<String> lines = new ArrayList<>(text.substring(0, end).lines().toList());
        int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        return new Answer(status, HttpHeaders.of(headers, (a, b) -> true), body, uri);
    }

    /** An answer read off the socket. */
    private record Answer(int statusCode, HttpHeaders headers, String body, URI uri)
            implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
