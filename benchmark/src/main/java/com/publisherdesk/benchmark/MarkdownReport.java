package com.publisherdesk.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.publisherdesk.benchmark.OpenLoad.Result;
import com.publisherdesk.devstack.DeskServices;

/** docs/benchmarks.md: the template benchmarks-template.md filled with one run's figures. */
final class MarkdownReport {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");
    private static final double TARGET_P99_MILLIS = 100;
    /** How many of PostgreSQL's statements the report lists, the most time first. */
    private static final int STATEMENTS_SHOWN = 15;

    private final RunFigures figures;

    MarkdownReport(RunFigures figures) {
        this.figures = figures;
    }

    /** The page, with {@code runs} (the run history's table) at its end. */
    String render(String runs) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        Drain.Result drain = figures.drain().orElseThrow();
        values.put("run", figures.run.toString());
        values.put("commit", figures.commit);
        values.put("machine", Machine.describe());
        values.put("step", Long.toString(DeskBenchmark.STEP.toSeconds()));
        values.put("timeout", Long.toString(OpenLoad.CLIENT_TIMEOUT.toSeconds()));
        values.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        values.put("rest", Long.toString(StartUp.REST.toSeconds()));
        values.put("bench-jvm", String.join(" ", DeskBenchmark.JVM_OPTIONS));
        values.put("desk-jvm", String.join(" ", DeskServices.DESK_JVM_OPTIONS));
        values.put("parts", f1(drain.partsCpuPerRequest()));
        values.put("warmup", Integer.toString(drain.warmup()));
        values.put("backlog", Integer.toString(drain.requests()));
        values.put("scale-out-note", figures.scaledOut().map(scaled -> String.format(Locale.ROOT, "With two "
                + "instances of each consumer service (warmed and paused the same way) the desk drains at %.2f× the "
                + "rate of one, on the same %d cores.", scaled.rate() / drain.rate(),
                Runtime.getRuntime().availableProcessors())).orElse("Two instances of each consumer: "
                        + "`-Dbench.scale-out=true`."));
        values.put("headline", new Headline(figures).rows());
        values.put("drains", drains());
        values.put("cpu", cpu(drain));
        values.put("statements", statements(drain));
        values.put("end-to-end", endToEnd());
        values.put("hops", hops());
        values.put("stream-cpu", streamCpu());
        values.put("commits", f0(figures.commitsPerSecond));
        values.put("intake", intake());
        values.put("intake-summary", intakeSummary());
        values.put("saturation", f1(figures.intakeSaturation()));
        values.put("overload", overload());
        values.put("footprint", footprint());
        values.put("start-up", startUp());
        values.put("runs", runs.stripTrailing());
        return fill(template(), values);
    }

    private String drains() {
        StringBuilder rows = new StringBuilder();
        for (Drain.Result drain : figures.drains) {
            Map<String, Double> rates = drain.stageRates();
            rows.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.4f |%n",
                    drain.instances(), rates.get("validated"), rates.get("decided"), rates.get("acknowledged"),
                    drain.resultStageRate(), drain.totalSeconds(), drain.rate(), drain.rawPerSecond(),
                    RunFigures.ratio(drain.rate(), drain.rawPerSecond())));
        }
        return rows.toString().stripTrailing();
    }

    /** PostgreSQL's statements during the drain, the most time first, with its write-ahead log. */
    private static String statements(Drain.Result drain) {
        if (drain.statements().isEmpty()) {
            return "PostgreSQL kept no statement statistics in this run (`-Ddevstack.statement-statistics=true`).";
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "What PostgreSQL ran for the backlog, per "
                + "request (`pg_stat_statements`): %.1f statements in all, the %d that took the most time below. Time is"
                + " the server's, waits for locks and for the log's flush at commit included.",
                drain.statementsPerRequest(), STATEMENTS_SHOWN));
        drain.wal().ifPresent(wal -> md.append(String.format(Locale.ROOT, " The write-ahead log took %.1f records, "
                + "%.0f bytes and %.2f flushes to disk per request.", wal.records(), wal.bytes(), wal.flushes())));
        md.append("\n\n| statement | calls | rows | ms |\n| --- | ---: | ---: | ---: |\n");
        drain.statements().stream().limit(STATEMENTS_SHOWN).forEach(statement -> md.append(String.format(Locale.ROOT,
                "| `%s` | %.2f | %.2f | %.2f |%n", shortened(statement.query()).replace("|", "\\|"),
                statement.calls(), statement.rows(), statement.milliseconds())));
        md.append(String.format(Locale.ROOT, "| every statement | %.1f | %.1f | %.2f |", drain.statementsPerRequest(),
                drain.statements().stream().mapToDouble(StageCounts.StatementCost::rows).sum(),
                drain.statements().stream().mapToDouble(StageCounts.StatementCost::milliseconds).sum()));
        return md.toString();
    }

    /** A statement's text cut to what a table cell shows. */
    private static String shortened(String query) {
        return query.length() <= 160 ? query : query.substring(0, 157) + "...";
    }

    private static String cpu(Drain.Result drain) {
        StringBuilder rows = new StringBuilder();
        drain.cpuPerRequest().forEach((process, millis) -> rows.append(String.format(Locale.ROOT, "| %s | %.1f |%n",
                process, millis)));
        rows.append(String.format(Locale.ROOT, "| the desk's own processes | %.1f |%n", drain.deskCpuPerRequest()));
        rows.append(String.format(Locale.ROOT, "| the broker, PostgreSQL and the mail server | %.1f |",
                drain.partsCpuPerRequest()));
        return rows.toString();
    }

    private String endToEnd() {
        StringBuilder rows = new StringBuilder();
        figures.endToEnd.forEach((rate, latencies) -> {
            Histogram base = figures.kafka.get(rate);
            rows.append(String.format(Locale.ROOT, "| %.1f | %d | %.0f %% | %s | %s | %.1f / %.1f | %.0f |%n", rate,
                    latencies.accepted(), 100 * latencies.busy(), triple(latencies.decisions()),
                    triple(latencies.results()),
                    RunFigures.millis(base, 50), RunFigures.millis(base, 99),
                    RunFigures.ratio(RunFigures.millis(latencies.decisions(), 99), RunFigures.millis(base, 99))));
        });
        return rows.toString().stripTrailing();
    }

    /** Each hop's p50 / p99 at every rate measured, one column per rate. */
    private String hops() {
        Map<String, Map<Double, Hops.Hop>> byName = new LinkedHashMap<>();
        figures.endToEnd.forEach((rate, latencies) -> latencies.hops().forEach(hop -> byName
                .computeIfAbsent(hop.name(), name -> new LinkedHashMap<>()).put(rate, hop)));
        if (byName.isEmpty()) {
            return "Not measured in this run.";
        }
        StringBuilder table = new StringBuilder("| hop, ms |");
        figures.endToEnd.keySet().forEach(rate -> table.append(String.format(Locale.ROOT, " p50 / p99 at %.1f/s |",
                rate)));
        table.append("\n| --- |").append(" ---: |".repeat(figures.endToEnd.size())).append('\n');
        byName.forEach((name, atRate) -> {
            table.append("| ").append(name).append(" |");
            figures.endToEnd.keySet().forEach(rate -> table.append(Optional.ofNullable(atRate.get(rate))
                    .map(hop -> String.format(Locale.ROOT, " %.0f / %.0f |", hop.p50(), hop.p99())).orElse(" |")));
            table.append('\n');
        });
        return table.toString().stripTrailing();
    }

    /** CPU per request by process: the drain's (a backlog, in batches) beside each end-to-end rate's (a stream). */
    private String streamCpu() {
        Optional<Drain.Result> drain = figures.drain();
        if (figures.endToEnd.isEmpty() || drain.isEmpty()) {
            return "Not measured in this run.";
        }
        StringBuilder table = new StringBuilder("| process | the drain |");
        figures.endToEnd.keySet().forEach(rate -> table.append(String.format(Locale.ROOT, " at %.1f/s |", rate)));
        table.append("\n| --- | ---: |").append(" ---: |".repeat(figures.endToEnd.size())).append('\n');
        Map<String, Double> drained = drain.get().cpuPerRequest();
        drained.forEach((process, millis) -> {
            table.append(String.format(Locale.ROOT, "| %s | %.1f |", process, millis));
            figures.endToEnd.values().forEach(latencies -> table.append(String.format(Locale.ROOT, " %.1f |",
                    latencies.cpuPerRequest().getOrDefault(process, 0.0))));
            table.append('\n');
        });
        table.append(String.format(Locale.ROOT, "| all of them | %.1f |", drained.values().stream()
                .mapToDouble(Double::doubleValue).sum()));
        figures.endToEnd.values().forEach(latencies -> table.append(String.format(Locale.ROOT, " %.1f |",
                latencies.cpuPerRequest().values().stream().mapToDouble(Double::doubleValue).sum())));
        return table.toString();
    }

    private String intake() {
        StringBuilder rows = new StringBuilder();
        int steps = Math.max(figures.intake.size(), figures.intakeAlone.size());
        for (int i = 0; i < steps; i++) {
            double rate = Ladder.FIRST_RATE * Math.pow(2, i);
            Optional<Result> desk = Ladder.at(figures.intake, rate);
            Optional<Result> alone = Ladder.at(figures.intakeAlone, rate);
            Optional<Result> framework = Ladder.at(figures.framework, rate);
            rows.append(String.format(Locale.ROOT, "| %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rate,
                    desk.map(r -> f1(r.throughput())).orElse(""), desk.map(r -> f1(r.p50Millis())).orElse(""),
                    desk.map(r -> f1(r.p99Millis())).orElse(""), desk.map(r -> f1(r.p999Millis())).orElse(""),
                    desk.map(r -> Long.toString(r.failed())).orElse(""),
                    alone.map(r -> f1(r.throughput())).orElse(""), alone.map(r -> f1(r.p99Millis())).orElse(""),
                    framework.map(r -> f1(r.p99Millis())).orElse(""),
                    alone.flatMap(a -> framework.map(b -> f1(RunFigures.ratio(a.p99Millis(), b.p99Millis()))))
                            .orElse("")));
        }
        return rows.toString().stripTrailing();
    }

    private String intakeSummary() {
        return String.format(Locale.ROOT, "With the desk working: highest rate with p99 at most %.0f ms **%s/s**, "
                + "saturation **%.1f requests/s**. Alone: **%s/s** with p99 at most %.0f ms, saturation **%.1f "
                + "requests/s**, %.1f %% of the commits PostgreSQL takes. The framework followed rates up to "
                + "%s/s.", TARGET_P99_MILLIS, withinTarget(figures.intake), figures.intakeSaturation(),
                withinTarget(figures.intakeAlone), TARGET_P99_MILLIS, figures.intakeAloneSaturation(),
                100 * RunFigures.ratio(figures.intakeAloneSaturation(), figures.commitsPerSecond),
                Ladder.keptUp(figures.framework).map(r -> f0(r.rate())).orElse("none of the"));
    }

    private static String withinTarget(List<Result> steps) {
        return f0(steps.stream().filter(r -> r.p99Millis() <= TARGET_P99_MILLIS && r.failed() == 0)
                .mapToDouble(Result::rate).max().orElse(0));
    }

    private String overload() {
        StringBuilder rows = new StringBuilder();
        for (Result step : figures.overload) {
            rows.append(String.format(Locale.ROOT, "| %.0f | %.1f | %.2f | %.0f | %d | %d | %d | %.1f | %.0f |%n",
                    step.rate(), step.throughput(), RunFigures.ratio(step.throughput(), figures.intakeSaturation()),
                    step.p99Millis(), step.refused(), step.errors(), step.timeouts(), step.failedPercent(),
                    step.refusalP99Millis()));
        }
        return rows.toString().stripTrailing();
    }

    private String footprint() {
        StringBuilder rows = new StringBuilder();
        figures.footprint.forEach((service, at) -> rows.append(String.format(Locale.ROOT,
                "| %s | %.1f | %.0f | %s |%n", service, at.startSeconds(), at.restMiB(),
                at.loadMiB() < 0 ? "" : f0(at.loadMiB()))));
        return rows.toString().stripTrailing();
    }

    private String startUp() {
        return figures.startUp().map(startUp -> {
            StartUp.Alone baseline = startUp.baseline();
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "The four services started at once on "
                    + "a fresh database (their migrations and demo data included): all ready in **%.1f s**, %.1f s of "
                    + "CPU between them.%n%n| service, alone | ready in s | CPU s until ready | ready / portal's | "
                    + "RSS at rest MiB | RSS / portal's |%n| --- | ---: | ---: | ---: | ---: | ---: |%n",
                    startUp.togetherSeconds(), startUp.togetherCpuSeconds()));
            for (StartUp.Alone alone : startUp.alone()) {
                text.append(String.format(Locale.ROOT, "| %s%s | %.1f | %.1f | %.2f | %.0f | %.2f |%n",
                        alone.service(), alone == baseline ? " (baseline)" : "", alone.readySeconds(),
                        alone.cpuSeconds(), alone.readySeconds() / baseline.readySeconds(), alone.restMiB(),
                        alone.restMiB() / baseline.restMiB()));
            }
            return text.toString().stripTrailing();
        }).orElse("Not measured in this run (a partial run: `bench.*-only`).");
    }

    private static String triple(Histogram histogram) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", RunFigures.millis(histogram, 50),
                RunFigures.millis(histogram, 99), RunFigures.millis(histogram, 99.9));
    }

    private static String template() throws IOException {
        try (InputStream in = MarkdownReport.class.getResourceAsStream("/benchmarks-template.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + placeholder.group(1) + "}}");
            }
            placeholder.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(page).toString();
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
