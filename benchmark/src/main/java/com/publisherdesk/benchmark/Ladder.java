package com.publisherdesk.benchmark;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import com.publisherdesk.benchmark.OpenLoad.Result;

/** Rising arrival rates, doubling from 25 a second, until the service stops following them (it saturates). */
final class Ladder {

    static final double FIRST_RATE = 25;
    static final double LAST_RATE = Double.parseDouble(System.getProperty("bench.max-rate", "3200"));

    private Ladder() {
    }

    /** Climbs until a step saturates (or the last rate is reached); {@code label} names the steps as they finish. */
    static List<Result> climb(String label, LongFunction<HttpRequest> request, int expectedStatus)
            throws InterruptedException {
        List<Result> steps = new ArrayList<>();
        for (double rate = FIRST_RATE; rate <= LAST_RATE; rate *= 2) {
            Result step = OpenLoad.run(rate, DeskBenchmark.STEP, request, expectedStatus, null);
            steps.add(step);
            System.out.printf("%s at %.0f/s: %.1f/s accepted, p99 %.1f ms, %d failed%n", label, rate,
                    step.throughput(), step.p99Millis(), step.failed());
            if (step.saturated()) {
                break;
            }
        }
        return steps;
    }

    /** The most the service accepted per second at any step. */
    static double saturation(List<Result> steps) {
        return steps.stream().mapToDouble(Result::throughput).max().orElse(0);
    }

    /** The step at the highest rate the service still followed. */
    static Optional<Result> keptUp(List<Result> steps) {
        return steps.stream().filter(step -> !step.saturated()).reduce((first, second) -> second);
    }

    /** The step at {@code rate}, if the ladder reached it. */
    static Optional<Result> at(List<Result> steps, double rate) {
        return steps.stream().filter(step -> step.rate() == rate).findFirst();
    }
}
