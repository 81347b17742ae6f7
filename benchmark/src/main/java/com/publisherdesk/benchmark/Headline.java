package com.publisherdesk.benchmark;

import java.util.Locale;
import java.util.Optional;

import org.HdrHistogram.Histogram;

import com.publisherdesk.benchmark.EndToEnd.Latencies;
import com.publisherdesk.benchmark.OpenLoad.Result;

/** The figures the desk is judged by, each beside its baseline from the same run, as Markdown table rows. */
final class Headline {

    private final RunFigures figures;
    private final StringBuilder rows = new StringBuilder();

    Headline(RunFigures figures) {
        this.figures = figures;
    }

    String rows() {
        Drain.Result drain = figures.drain().orElseThrow();
        String drained = "Backlog drain, one instance of each consumer (validated, decided, both emails sent)";
        row(drained, perSecond(drain.rate()), "ceiling", perSecond(drain.ceiling()), drain.rate() / drain.ceiling());
        row(drained, perSecond(drain.rate()), "raw Kafka consumer", perSecond(drain.rawPerSecond()),
                RunFigures.ratio(drain.rate(), drain.rawPerSecond()));
        row("**Ceiling**: cores ÷ CPU of the broker, PostgreSQL and the mail server per request",
                perSecond(drain.ceiling()), "cores ÷ CPU of every process per request (the desk's too)",
                perSecond(cores() * 1000 / (drain.partsCpuPerRequest() + drain.deskCpuPerRequest())),
                (drain.partsCpuPerRequest() + drain.deskCpuPerRequest()) / drain.partsCpuPerRequest());
        String half = String.format(Locale.ROOT, " at half the drain rate (%.1f/s)", figures.halfSaturationRate);
        Optional<Latencies> latencies = figures.atHalfSaturation();
        Histogram kafka = figures.kafkaAtHalfSaturation().orElse(null);
        latencies.ifPresent(at -> {
            row("Decision p99" + half, ms(RunFigures.millis(at.decisions(), 99)), "raw Kafka produce to consume p99",
                    ms(RunFigures.millis(kafka, 99)), RunFigures.ratio(RunFigures.millis(at.decisions(), 99),
                            RunFigures.millis(kafka, 99)));
            row("Result email p99" + half, ms(RunFigures.millis(at.results(), 99)), "raw Kafka produce to consume p99",
                    ms(RunFigures.millis(kafka, 99)), RunFigures.ratio(RunFigures.millis(at.results(), 99),
                            RunFigures.millis(kafka, 99)));
        });
        row("Durable intake alone: saturation", perSecond(figures.intakeAloneSaturation()),
                "PostgreSQL single-row commits (4 writers)", perSecond(figures.commitsPerSecond),
                RunFigures.ratio(figures.intakeAloneSaturation(), figures.commitsPerSecond));
        Ladder.keptUp(figures.intakeAlone).ifPresent(alone -> {
            double framework = Ladder.at(figures.framework, alone.rate()).map(Result::p99Millis).orElse(0.0);
            row(String.format(Locale.ROOT, "Durable intake alone: p99 at %.0f/s (the highest rate it followed)",
                    alone.rate()), ms(alone.p99Millis()), "framework p99 at the same rate", ms(framework),
                    RunFigures.ratio(alone.p99Millis(), framework));
        });
        row("Intake with the whole desk working: saturation", perSecond(figures.intakeSaturation()),
                "intake alone: saturation", perSecond(figures.intakeAloneSaturation()),
                RunFigures.ratio(figures.intakeSaturation(), figures.intakeAloneSaturation()));
        String[] multiples = { "2×", "4×" };
        for (int i = 0; i < figures.overload.size(); i++) {
            Result step = figures.overload.get(i);
            row(String.format(Locale.ROOT, "Overload %s (%.0f/s offered, desk working): goodput; %.1f %% not "
                    + "accepted, non-2xx p99 %.0f ms, %d timeouts", multiples[i], step.rate(), step.failedPercent(),
                    step.refusalP99Millis(), step.timeouts()), perSecond(step.throughput()),
                    "intake with the desk working: saturation", perSecond(figures.intakeSaturation()),
                    RunFigures.ratio(step.throughput(), figures.intakeSaturation()));
        }
        figures.startUp().ifPresent(startUp -> {
            StartUp.Alone portal = startUp.baseline();
            row("Start-up, `./desk run`'s options: the four services together, ready",
                    seconds(startUp.togetherSeconds()), "the portal alone", seconds(portal.readySeconds()),
                    startUp.togetherSeconds() / portal.readySeconds());
            row("Start-up: the slowest service alone, ready", seconds(startUp.slowestAlone()), "the portal alone",
                    seconds(portal.readySeconds()), startUp.slowestAlone() / portal.readySeconds());
            row("Memory: the largest service at rest (RSS)", mib(startUp.largestRest()), "the portal at rest",
                    mib(portal.restMiB()), startUp.largestRest() / portal.restMiB());
        });
        return rows.toString().stripTrailing();
    }

    private void row(String figure, String value, String baseline, String baselineValue, double ratio) {
        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", figure, value, baseline,
                baselineValue, ratio < 0.01 ? String.format(Locale.ROOT, "%.4f", ratio)
                        : String.format(Locale.ROOT, "%.2f", ratio)));
    }

    private static double cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String perSecond(double value) {
        return String.format(Locale.ROOT, "%.1f /s", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String mib(double value) {
        return String.format(Locale.ROOT, "%.0f MiB", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }
}
