package com.publisherdesk.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream of requests of mixed types (of six: three credit requests, two subscription validations and one support
 * request, alternating between billing and developer-account topics) filed the way a careful
 * publisher's client files them: each with an Idempotency-Key, retried with the same key while the desk cannot answer
 * (connection refused, 5xx), and a share of them sent a second time after their first answer. Every request ends with
 * the one request id the desk gave it.
 */
final class RequestStream implements AutoCloseable {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    static final String CREDIT = "credit";
    static final String SUBSCRIPTION_VALIDATION = "subscription-validation";
    static final String SUPPORT = "support";
    private static final List<String> SUPPORT_TOPICS = List.of("billing-error", "change-seller-account");

    private final String intake;
    private final String token;
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final AtomicInteger started = new AtomicInteger();
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final Map<String, String> typesById = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger errorAnswers = new AtomicInteger();
    private Thread pacer;

    RequestStream(String intake, String token) {
        this.intake = intake;
        this.token = token;
    }

    /** Files {@code count} requests at {@code perSecond}; returns at once. */
    RequestStream start(int count, double perSecond) {
        pacer = new Thread(() -> {
            long interval = (long) (1e9 / perSecond);
            long begin = System.nanoTime();
            for (int n = 0; n < count; n++) {
                long wait = begin + n * interval - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                boolean twice = n % 5 == 0;
                String type = n % 3 == 1 ? SUBSCRIPTION_VALIDATION : n % 6 == 5 ? SUPPORT : CREDIT;
                String topic = SUPPORT_TOPICS.get(n / 6 % 2);
                clients.submit(() -> file(type, topic, twice));
                started.incrementAndGet();
            }
        }, "request-stream");
        pacer.start();
        return this;
    }

    /** How many requests have been started so far. */
    int started() {
        return started.get();
    }

    /** Waits until every request has its answer (or was given up on). */
    Map<String, String> awaitAnswers() throws InterruptedException {
        pacer.join();
        clients.shutdown();
        clients.awaitTermination(GIVE_UP.toSeconds() + 60, TimeUnit.SECONDS);
        return Map.copyOf(idsByKey);
    }

    /** The type of each request the desk accepted, by request id. */
    Map<String, String> types() {
        return Map.copyOf(typesById);
    }

    /** What went wrong on the client's side: a request never answered, or two answers with different ids. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Sends that were repeated because the desk could not answer. */
    int retried() {
        return retried.get();
    }

    /** Answers with an error status (each retried with the same key). */
    int errorAnswers() {
        return errorAnswers.get();
    }

    private void file(String type, String supportTopic, boolean twice) {
        String key = UUID.randomUUID().toString();
        String path = switch (type) {
            case CREDIT -> "/credit-requests";
            case SUPPORT -> "/support-requests";
            default -> "/subscription-validations";
        };
        String body = switch (type) {
            case CREDIT -> creditBody();
            case SUPPORT -> supportBody(supportTopic);
            default -> validationBody();
        };
        String first = send(path, key, body);
        if (first == null) {
            problems.add("no answer for key " + key);
            return;
        }
        idsByKey.put(key, first);
        typesById.put(first, type);
        if (twice) {
            String second = send(path, key, body);
            if (!first.equals(second)) {
                problems.add("key " + key + " answered " + first + " then " + second);
            }
        }
    }

    /** Sends until the desk answers 202 (or 200 for a replay); the id it gave, or null if it never did. */
    private String send(String path, String key, String body) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(intake
                        + "/v1/publishers/northwind" + path)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                    Matcher id = REQUEST_ID.matcher(answer.body());
                    return id.find() ? id.group(1) : null;
                }
                errorAnswers.incrementAndGet();
                if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                    problems.add("key " + key + ": 503 without Retry-After");
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 409) {
                    problems.add("key " + key + " refused with " + answer.statusCode() + ": " + answer.body());
                    return null;
                }
            } catch (java.io.IOException e) {
                // The desk is down or restarting: the same key again, as a careful client does.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retried.incrementAndGet();
            pause();
        }
        return null;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A credit request for a subscription of its own: never an overlap, and decided (denied: unknown) at once. */
    private static String creditBody() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        return "{\"subscriptionId\":\"fault-" + UUID.randomUUID() + "\",\"customerName\":\"Fault Customer\","
                + "\"amount\":\"12.00\",\"currency\":\"EUR\",\"creditPeriod\":{\"from\":\"" + month + "\",\"to\":\""
                + month.plusMonths(1).minusDays(1) + "\"},\"billingDate\":\"" + month.plusMonths(1) + "\","
                + "\"reason\":{\"code\":\"service-outage\",\"description\":\"fault injection\"}}";
    }

    /** A validation of a subscription nobody has: answered not-confirmed, once, at once. */
    private static String validationBody() {
        return "{\"subscriptionId\":\"fault-" + UUID.randomUUID() + "\",\"billingAddress\":{\"line1\":"
                + "\"1 Fault Street\",\"city\":\"Paris\",\"postalCode\":\"75001\",\"country\":\"FR\"}}";
    }

    /** A question on a support topic: routed to its channel's topic and acknowledged, once each. */
    private static String supportBody(String topic) {
        return "{\"topic\":\"" + topic + "\",\"subject\":\"Fault injection " + UUID.randomUUID() + "\","
                + "\"description\":\"A question filed while the desk was being broken on purpose.\"}";
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
