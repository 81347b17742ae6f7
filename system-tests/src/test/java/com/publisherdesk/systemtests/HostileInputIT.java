package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.systemtests.HostileInputs.Category;
import com.publisherdesk.systemtests.HostileInputs.HostileRequest;
import com.publisherdesk.systemtests.SchemaValues.Slot;

/**
 * Hostile input for every operation that takes a body, query or path parameters, generated from each service's own
 * OpenAPI document (so that an endpoint added later is covered without editing this test): malformed JSON, wrong
 * types, missing and unknown fields, bodies over the limit, strings over theirs, odd Unicode, injection strings, bad
 * amounts and dates, unknown enum values, wrong content types, bad query and path values. Each is sent with a token
 * allowed to call the operation, so the answer is about the input: a 4xx {@code application/problem+json} with a
 * type and a title, never a 5xx nor a Java class name or stack trace; and nothing is stored or published (row counts
 * of every table, end offsets of every topic). {@code -Dhostile.examples=N} sets the examples per category and
 * operation (10 by default, as in CI); {@code -Dhostile.seed=S} replays a run. The counts go to
 * docs/reliability.md (through {@code ./desk reports}).
 */
class HostileInputIT {

    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final Map<String, String> SCHEMAS = Map.of("request-intake", "intake", "validation-service",
            "validation", "billing-credit-service", "billing", "notification-service", "notification");
    private static final int EXAMPLES = Integer.getInteger("hostile.examples", 10);
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final Pattern LEAK = Pattern.compile("(?<![\\w/.-])(java|javax|jakarta|org|com|io|net|sun)"
            + "\\.[a-z_][\\w$]*\\.[\\w$.]+|Exception\\b|\\tat |\\.java:\\d");
    private static final String START = "<!-- hostile-input: written by HostileInputIT -->";
    private static final String END = "<!-- /hostile-input -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningDesk desk;
    private static HttpClient http;
    private static List<ApiOperation> operations;
    private static final Map<String, Tally> TALLIES = new TreeMap<>();
    private static DeskSnapshot before;
    private static DeskSnapshot after;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        operations = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(
                    URI.create(desk.url(service) + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode(), service + " has no OpenAPI document");
            operations.addAll(ApiOperation.of(service, JSON.readTree(document.body())));
        }
    }

    @Test
    void shouldBoundEveryStringThatAnOperationTakes() {
        List<String> unbounded = new ArrayList<>();
        for (ApiOperation operation : operations) {
            if (operation.body() != null) {
                for (Slot slot : SchemaValues.slots(operation.body().schema())) {
                    if (slot.type().equals("string") && !isBounded(slot.schema())) {
                        unbounded.add(operation + " body field " + slot.where());
                    }
                }
            }
            operation.params("query").stream().filter(p -> SchemaValues.type(p.schema()).equals("string"))
                    .filter(p -> !isBounded(p.schema()))
                    .forEach(p -> unbounded.add(operation + " query parameter " + p.name()));
        }
        assertTrue(unbounded.isEmpty(), () -> "strings without a maximum length:\n" + String.join("\n", unbounded));
    }

    @Test
    void shouldRefuseEveryHostileInputWithAProblemAndChangeNothing() {
        before = settled();
        List<String> failures = new ArrayList<>();
        for (ApiOperation operation : operations) {
            if (!operation.takesInput()) {
                continue;
            }
            Map<Category, Gen<HostileRequest>> generators = new HostileInputs(operation).generators();
            generators.forEach((category, generator) -> {
                long started = System.nanoTime();
                try {
                    qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(20).forAll(generator)
                            .checkAssert(request -> refused(operation, request));
                } catch (AssertionError | RuntimeException e) {
                    failures.add(operation + ", " + category.label + ": " + String.valueOf(e.getMessage()).lines()
                            .limit(8).collect(Collectors.joining("\n    ")));
                }
                System.out.printf("%s, %s: %d ms%n", operation, category.label,
                        (System.nanoTime() - started) / 1_000_000);
            });
        }
        after = settled();
        List<String> changes = after.changesSince(before);
        assertTrue(failures.isEmpty(), () -> failures.size() + " operation and category pairs answered wrongly "
                + "(seed " + SEED + "):\n" + String.join("\n", failures));
        assertEquals(List.of(), changes, "hostile input changed what the desk holds");
    }

    @Test
    void shouldAnswerARequestLineOrHeadersOverTheLimitWithAProblemInEveryService() throws IOException {
        for (String service : SERVICES) {
            HttpResponse<String> longLine = RawHttp.sendHead(URI.create(desk.url(service) + "/v1/"
                    + "a".repeat(5000)), "GET", Map.of(), new byte[0]);
            HttpResponse<String> largeHeaders = RawHttp.sendHead(URI.create(desk.url(service) + "/v1/credit-policy"),
                    "GET", Map.of("X-Padding", "b".repeat(25_000)), new byte[0]);
            for (Map.Entry<Integer, HttpResponse<String>> answer : Map.of(414, longLine, 431, largeHeaders)
                    .entrySet()) {
                String seen = service + " answered " + answer.getValue().statusCode() + " "
                        + answer.getValue().headers().map() + ": " + answer.getValue().body();
                assertEquals(answer.getKey(), answer.getValue().statusCode(), seen);
                assertTrue(answer.getValue().headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json"), seen);
                JsonNode problem = JSON.readTree(answer.getValue().body());
                assertEquals(answer.getKey().intValue(), problem.path("status").asInt(), seen);
                assertTrue(problem.path("type").asText().startsWith("https://publisherdesk.com/problems/"), seen);
            }
        }
    }

    @AfterAll
    static void report() throws IOException {
        if (before != null && after != null && !TALLIES.isEmpty()) {
            writeReport();
        }
    }

    /** Sends the request and checks that it was refused the way every refusal must be. */
    private static void refused(ApiOperation operation, HostileRequest request) {
        HttpResponse<String> answer = send(operation, request);
        TALLIES.computeIfAbsent(operation.service(), s -> new Tally()).count(operation, request, answer);
        String body = answer.body();
        String seen = " answered " + answer.statusCode() + " " + answer.headers().firstValue("Content-Type")
                .orElse("(no Content-Type)") + ": " + (body.length() > 300 ? body.substring(0, 300) : body);
        if (request.category() == Category.HUGE_BODY) {
            assertEquals(413, answer.statusCode(), seen);
        }
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, seen);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                seen);
        assertTrue(!LEAK.matcher(body).find(), "leaks a class name or stack trace:" + seen);
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON:" + seen, e);
        }
        assertTrue(problem.path("type").isTextual() && !problem.path("type").asText().isBlank(), seen);
        assertTrue(problem.path("title").isTextual() && !problem.path("title").asText().isBlank(), seen);
    }

    private static HttpResponse<String> send(ApiOperation operation, HostileRequest request) {
        if (request.category() == Category.HUGE_BODY) {
            return RawHttp.sendHead(URI.create(desk.url(operation.service()) + request.path()), operation.method(),
                    Map.of("Authorization", "Bearer " + tokenFor(operation), "Content-Type", request.contentType()),
                    request.body());
        }
        StringBuilder url = new StringBuilder(desk.url(operation.service())).append(request.path());
        String query = request.query().entrySet().stream()
                .map(e -> HostileInputs.encode(e.getKey()) + "=" + HostileInputs.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokenFor(operation))
                .header("Accept", "application/json").method(operation.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (operation.method().equals("PUT")) {
            currentTag(operation, request.path()).ifPresent(tag -> builder.header("If-Match", tag));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(operation + " " + request + ": no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A change is sent with the ETag of what it changes, so that the answer is about the body, not the version. */
    private static java.util.Optional<String> currentTag(ApiOperation operation, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(desk.url(operation.service()) + path))
                    .header("Authorization", "Bearer " + tokenFor(operation)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag");
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static String tokenFor(ApiOperation operation) {
        if (operation.path().startsWith("/v1/operator")) {
            return desk.tokens().operator("operator@desk.example");
        }
        if (operation.path().startsWith("/v1/review-queue") || operation.path().startsWith("/v1/desk")) {
            return desk.tokens().supportAgent("agent@desk.example");
        }
        return desk.adminToken("northwind");
    }

    private static boolean isBounded(JsonNode schema) {
        return schema.has("maxLength") || schema.has("enum") || Set.of("date", "date-time", "uuid")
                .contains(schema.path("format").asText());
    }

    /** What the desk holds once it has been still for a few seconds. */
    private static DeskSnapshot settled() {
        AtomicReference<DeskSnapshot> last = new AtomicReference<>(DeskSnapshot.take(desk));
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            DeskSnapshot now = DeskSnapshot.take(desk);
            return now.equals(last.getAndSet(now)) ? now : null;
        }, Objects::nonNull);
    }

    private static void writeReport() throws IOException {
        StringBuilder md = new StringBuilder(START).append("\n## Hostile input\n\n")
                .append("Written by `HostileInputIT` (system-tests) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" (seed ").append(SEED)
                .append("); `./mvnw verify` runs it with ").append(EXAMPLES).append(" examples per category and ")
                .append("operation, `-Dit.test=HostileInputIT -Dhostile.examples=N` at a larger size.\n\n")
                .append("Every operation of every service that takes a body, query or path parameters, read from ")
                .append("the service's OpenAPI document, gets generated hostile input with a token allowed to call ")
                .append("it. Every answer must be a 4xx `application/problem+json` with a `type` and a `title` ")
                .append("(413 for a body over the limit), never a 5xx nor a Java class name or stack trace; the ")
                .append("rows of every table and the end offsets of every topic are counted before and after.\n\n")
                .append("| service | operations | requests | by category | answers by status | 5xx | rows changed |\n")
                .append("| --- | ---: | ---: | --- | --- | ---: | ---: |\n");
        TALLIES.forEach((service, tally) -> md.append("| ").append(service).append(" | ")
                .append(tally.operations.size()).append(" | ").append(tally.requests()).append(" | ")
                .append(tally.byCategory.entrySet().stream().map(e -> e.getKey().label + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(" | ").append(tally.byStatus.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(" | ").append(tally.byStatus.entrySet().stream().filter(e -> e.getKey() >= 500)
                        .mapToInt(Map.Entry::getValue).sum())
                .append(" | ").append(after.rowsChangedIn(before, SCHEMAS.get(service))).append(" |\n"));
        md.append("\nRecords published to any of the ").append(after.offsets().size()).append(" topics meanwhile: ")
                .append(after.recordsPublishedSince(before)).append(". The limits these answers enforce are in the ")
                .append("README (Limits).\n").append(END);
        Reports.write("hostile-input", md.toString());
    }

    /** What one service was sent and answered. */
    private static final class Tally {

        final Set<String> operations = new TreeSet<>();
        final Map<Category, Integer> byCategory = new TreeMap<>();
        final Map<Integer, Integer> byStatus = new TreeMap<>();

        synchronized void count(ApiOperation operation, HostileRequest request, HttpResponse<String> answer) {
            operations.add(operation.toString());
            byCategory.merge(request.category(), 1, Integer::sum);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
        }

        int requests() {
            return byCategory.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
