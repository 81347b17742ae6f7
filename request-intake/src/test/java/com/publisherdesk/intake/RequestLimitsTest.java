package com.publisherdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A request line or headers over the limit are answered as every other limit: with a problem+json body. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldAnswerARequestLineOverTheLimitWith414AndAProblem() throws IOException {
        Answer answer = send("GET /v1/credit-reasons?q=" + "a".repeat(5000) + " HTTP/1.1", "");
        assertEquals(414, answer.status(), answer.raw());
        assertProblem(answer, 414);
    }

    @Test
    void shouldAnswerHeadersOverTheLimitWith431AndAProblem() throws IOException {
        Answer answer = send("GET /v1/credit-reasons HTTP/1.1", "X-Padding: " + "b".repeat(25_000) + "\r\n");
        assertEquals(431, answer.status(), answer.raw());
        assertProblem(answer, 431);
    }

    @Test
    void shouldServeARequestWithinTheLimits() throws IOException {
        String token = DevStackTestResource.tokens().person(Admins.NORTHWIND);
        Answer answer = send("GET /v1/credit-reasons HTTP/1.1", "Authorization: Bearer " + token + "\r\nX-Padding: "
                + "c".repeat(12_000) + "\r\n");
        assertEquals(200, answer.status(), answer.raw());
    }

    private static void assertProblem(Answer answer, int status) throws IOException {
        assertTrue(answer.head().toLowerCase().contains("content-type: application/problem+json"), answer.raw());
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), answer.raw());
        assertTrue(problem.path("type").asText().startsWith("https://publisherdesk.com/problems/"), answer.raw());
        assertTrue(!problem.path("title").asText().isBlank(), answer.raw());
    }

    /** Sends one request as written, on a connection of its own, and reads the whole answer. */
    private Answer send(String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return new Answer(read.toString(StandardCharsets.UTF_8));
        }
    }

    /** An HTTP answer as received. */
    private record Answer(String raw) {

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String head() {
            return raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n")));
        }

        String body() {
            return raw.substring(raw.indexOf("\r\n\r\n") + 4);
        }
    }
}
