package com.publisherdesk.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private OpenLoad() {
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}, the n-th built by {@code request}.
     *
     * @param expectedStatus the status that counts as success
     */
    static Result run(double rate, Duration duration, LongFunction<HttpRequest> request, int expectedStatus,
            ConcurrentLinkedQueue<Sent> sent) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long count = (long) (rate * duration.toMillis() / 1000.0);
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[(int) count];
        for (long n = 0; n < count; n++) {
            long intended = start + n * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest built = request.apply(n);
            long wallClock = System.currentTimeMillis();
            all[(int) n] = HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                if (error == null && response.statusCode() == expectedStatus) {
                    ok.incrementAndGet();
                    if (sent != null) {
                        sent.add(new Sent(response.body(), wallClock));
                    }
                } else {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rate, ok.get() / seconds, failed.get(), recorder.getIntervalHistogram());
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
     * @param throughput successful answers per second
     * @param failed     failed or unexpected answers
     * @param latencies  latencies in microseconds from the scheduled start
     */
    record Result(double rate, double throughput, long failed, Histogram latencies) {

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }

        double p999Millis() {
            return latencies.getValueAtPercentile(99.9) / 1000.0;
        }
    }
}
