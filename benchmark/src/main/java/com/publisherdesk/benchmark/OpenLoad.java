package com.publisherdesk.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load: requests start on a fixed schedule whatever the answers do, and each latency is measured from
 * its scheduled start, so a slow server cannot hide its queueing (no coordinated omission).
 */
final class OpenLoad {

    /** How long a client waits for an answer before it gives up (a timeout). */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.client-timeout-seconds", 10));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private OpenLoad() {
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}, the n-th built by {@code request}.
     *
     * @param expectedStatus the status that counts as success
     * @param sent           collects the accepted answers, or {@code null}
     */
    static Result run(double rate, Duration duration, LongFunction<HttpRequest> request, int expectedStatus,
            ConcurrentLinkedQueue<Sent> sent) throws InterruptedException {
        Recorder all = new Recorder(3);
        Recorder refusals = new Recorder(3);
        Outcomes outcomes = new Outcomes();
        long intervalNanos = (long) (1e9 / rate);
        long count = (long) (rate * duration.toMillis() / 1000.0);
        long start = System.nanoTime();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[(int) count];
        for (long n = 0; n < count; n++) {
            long intended = start + n * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest built = request.apply(n);
            long wallClock = System.currentTimeMillis();
            answers[(int) n] = HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
                all.recordValue(micros);
                if (error != null) {
                    outcomes.failedWithout(error);
                } else if (response.statusCode() == expectedStatus) {
                    outcomes.accepted.incrementAndGet();
                    if (sent != null) {
                        sent.add(new Sent(response.body(), wallClock));
                    }
                } else {
                    refusals.recordValue(micros);
                    outcomes.answered(response);
                }
                return null;
            });
        }
        CompletableFuture.allOf(answers).orTimeout(CLIENT_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rate, count, outcomes.accepted.get() / seconds, outcomes.refused.get(),
                outcomes.errors.get(), outcomes.timeouts.get(), all.getIntervalHistogram(),
                refusals.getIntervalHistogram());
    }

    /** Counts of what the answers were. */
    private static final class Outcomes {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();

        /** A 503 or 429 with Retry-After is a fast refusal; any other answer not expected is an error. */
        void answered(HttpResponse<?> response) {
            boolean refusal = (response.statusCode() == 503 || response.statusCode() == 429)
                    && response.headers().firstValue("Retry-After").isPresent();
            (refusal ? refused : errors).incrementAndGet();
        }

        void failedWithout(Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            (cause instanceof HttpTimeoutException ? timeouts : errors).incrementAndGet();
        }
    }

    /**
     * One accepted request: the answer's body and when it was sent (wall clock, ms).
     *
     * @param body   the answer
     * @param sentAt when it was sent
     */
    record Sent(String body, long sentAt) {
    }

    /**
     * What one rate gave.
     *
     * @param rate       the arrival rate asked for, per second
     * @param sent       requests sent
     * @param throughput successful answers per second (the goodput)
     * @param refused    answers 503 or 429 with Retry-After: fast refusals
     * @param errors     other answers not expected, and connections that failed
     * @param timeouts   requests the client gave up on after {@link #CLIENT_TIMEOUT}
     * @param latencies  latencies of every request in microseconds from the scheduled start
     * @param refusals   latencies of the answers that were not the expected status (refusals and errors)
     */
    record Result(double rate, long sent, double throughput, long refused, long errors, long timeouts,
            Histogram latencies, Histogram refusals) {

        /** Requests not accepted: refused, errors and timeouts. */
        long failed() {
            return refused + errors + timeouts;
        }

        /** The share of requests not accepted, in percent. */
        double failedPercent() {
            return sent == 0 ? 0 : 100.0 * failed() / sent;
        }

        /**
         * Whether the service stopped following the rate: it accepted less than 90 % of it, its p99 passed one second,
         * or a request failed.
         */
        boolean saturated() {
            return throughput < 0.9 * rate || p99Millis() > 1000 || failed() > 0;
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }

        double p999Millis() {
            return latencies.getValueAtPercentile(99.9) / 1000.0;
        }

        /** The p99 of the answers that were not the expected status; 0 when there were none. */
        double refusalP99Millis() {
            return refusals.getTotalCount() == 0 ? 0 : refusals.getValueAtPercentile(99) / 1000.0;
        }
    }
}
