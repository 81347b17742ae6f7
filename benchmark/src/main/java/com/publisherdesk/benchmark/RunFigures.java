package com.publisherdesk.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;

import com.publisherdesk.benchmark.EndToEnd.Latencies;
import com.publisherdesk.benchmark.OpenLoad.Result;

/** Every figure of one run, as measured, and the headline figures drawn from them. */
final class RunFigures {

    final Instant run = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The commit measured, read before the run writes its own output files. */
    final String commit;
    final List<Result> framework = new ArrayList<>();
    final List<Result> intake = new ArrayList<>();
    final List<Result> overload = new ArrayList<>();
    final List<Result> intakeAlone = new ArrayList<>();
    final Map<Double, Histogram> kafka = new LinkedHashMap<>();
    final Map<Double, Latencies> endToEnd = new LinkedHashMap<>();
    final Map<String, ServiceFootprint> footprint = new LinkedHashMap<>();
    final List<Drain.Result> drains = new ArrayList<>();
    double commitsPerSecond;
    double halfSaturationRate;
    /** Start-up and memory with ./desk run's options, if measured (a whole run measures it). */
    StartUp.Result startUp;

    RunFigures(String commit) {
        this.commit = commit;
    }

    void footprintAtRest(String service, Duration startTime, double rssMegabytes) {
        footprint.put(service, new ServiceFootprint(startTime.toMillis() / 1e3, rssMegabytes, -1));
    }

    void footprintUnderLoad(String service, double rssMegabytes) {
        footprint.computeIfPresent(service, (name, at) -> new ServiceFootprint(at.startSeconds(), at.restMiB(),
                rssMegabytes));
    }

    Optional<StartUp.Result> startUp() {
        return Optional.ofNullable(startUp);
    }

    /** The drain with one instance of each consumer service, if it ran. */
    Optional<Drain.Result> drain() {
        return drains.stream().filter(drain -> drain.instances() == 1).findFirst();
    }

    /** The drain with two instances of each consumer service, if it ran. */
    Optional<Drain.Result> scaledOut() {
        return drains.stream().filter(drain -> drain.instances() == 2).findFirst();
    }

    /** The most intake accepted per second with the whole desk working. */
    double intakeSaturation() {
        return Ladder.saturation(intake);
    }

    /** The most intake accepted per second alone. */
    double intakeAloneSaturation() {
        return Ladder.saturation(intakeAlone);
    }

    /** The end-to-end latencies at half the drain rate, and the raw Kafka latencies at the same rate. */
    Optional<Latencies> atHalfSaturation() {
        return Optional.ofNullable(endToEnd.get(halfSaturationRate));
    }

    Optional<Histogram> kafkaAtHalfSaturation() {
        return Optional.ofNullable(kafka.get(halfSaturationRate));
    }

    /** The p99 in milliseconds of a histogram, 0 when it is empty. */
    static double millis(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? 0
                : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A ratio, 0 when the baseline is missing. */
    static double ratio(double figure, double baseline) {
        return baseline <= 0 ? 0 : figure / baseline;
    }

    /**
     * One service's footprint.
     *
     * @param startSeconds start to ready
     * @param restMiB      resident memory at rest
     * @param loadMiB      resident memory after the intake load, -1 before it
     */
    record ServiceFootprint(double startSeconds, double restMiB, double loadMiB) {
    }
}
