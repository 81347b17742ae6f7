package com.publisherdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.publisherdesk.benchmark.OpenLoad.Result;

/**
 * docs/benchmark-runs.tsv: one row of headline figures per run, so that a change's before and after are two rows of
 * the same table. Columns are only ever added at the end; older rows have empty cells for the columns they lack.
 */
final class RunHistory {

    /** How many runs the Markdown page shows, the latest last. */
    private static final int SHOWN = 6;

    private static final List<Column> COLUMNS = List.of(
            new Column("run", f -> f.run.toString()),
            new Column("commit", f -> f.commit),
            new Column("intake p99 ms at 25/s", f -> Ladder.at(f.intake, 25).map(r -> one(r.p99Millis()))
                    .orElse("")),
            new Column("intake saturation /s", f -> one(f.intakeSaturation())),
            new Column("decision p50 ms at 10/s", f -> Optional.ofNullable(f.endToEnd.get(10.0))
                    .map(l -> none(RunFigures.millis(l.decisions(), 50))).orElse("")),
            new Column("result email p50 ms at 10/s", f -> Optional.ofNullable(f.endToEnd.get(10.0))
                    .map(l -> none(RunFigures.millis(l.results(), 50))).orElse("")),
            // The cold drains of 1000 requests the first runs measured; warm drains have columns of their own.
            new Column("drain /s (1 instance)", f -> ""),
            new Column("drain /s (2 instances)", f -> ""),
            // Until the whole-backlog columns at the end: the result emails' rate between 10 % and 90 % of the backlog.
            new Column("warm drain /s (1 instance)", f -> f.drain().map(d -> one(d.resultStageRate())).orElse("")),
            new Column("drain backlog", f -> f.drain().map(d -> Integer.toString(d.requests())).orElse("")),
            new Column("raw consumer /s", f -> f.drain().map(d -> none(d.rawPerSecond())).orElse("")),
            new Column("desk CPU ms per request", f -> f.drain().map(d -> one(d.deskCpuPerRequest())).orElse("")),
            new Column("broker, PostgreSQL, mail CPU ms per request", f -> f.drain()
                    .map(d -> one(d.partsCpuPerRequest())).orElse("")),
            new Column("ceiling /s", f -> f.drain().map(d -> one(d.ceiling())).orElse("")),
            new Column("drain / ceiling", f -> f.drain().map(d -> three(d.resultStageRate() / d.ceiling()))
                    .orElse("")),
            new Column("warm drain /s (2 instances)", f -> f.scaledOut().map(d -> one(d.resultStageRate()))
                    .orElse("")),
            new Column("half saturation /s", f -> one(f.halfSaturationRate)),
            new Column("decision p99 ms at half saturation", f -> f.atHalfSaturation()
                    .map(l -> none(RunFigures.millis(l.decisions(), 99))).orElse("")),
            new Column("result email p99 ms at half saturation", f -> f.atHalfSaturation()
                    .map(l -> none(RunFigures.millis(l.results(), 99))).orElse("")),
            new Column("Kafka p99 ms at half saturation", f -> f.kafkaAtHalfSaturation()
                    .map(h -> one(RunFigures.millis(h, 99))).orElse("")),
            new Column("intake alone saturation /s", f -> one(f.intakeAloneSaturation())),
            new Column("intake alone kept up with /s", f -> Ladder.keptUp(f.intakeAlone).map(r -> none(r.rate()))
                    .orElse("")),
            new Column("intake alone p99 ms there", f -> Ladder.keptUp(f.intakeAlone).map(r -> one(r.p99Millis()))
                    .orElse("")),
            new Column("PostgreSQL commits /s", f -> none(f.commitsPerSecond)),
            new Column("intake alone / commits", f -> three(RunFigures.ratio(f.intakeAloneSaturation(),
                    f.commitsPerSecond))),
            new Column("goodput /s at 2×", f -> overload(f, 0, r -> one(r.throughput()))),
            new Column("failed % at 2×", f -> overload(f, 0, r -> one(r.failedPercent()))),
            new Column("goodput /s at 4×", f -> overload(f, 1, r -> one(r.throughput()))),
            new Column("failed % at 4×", f -> overload(f, 1, r -> one(r.failedPercent()))),
            new Column("non-2xx p99 ms at 4×", f -> overload(f, 1, r -> one(r.refusalP99Millis()))),
            new Column("timeouts at 4×", f -> overload(f, 1, r -> Long.toString(r.timeouts()))),
            new Column("whole-backlog drain /s (1 instance)", f -> f.drain().map(d -> one(d.rate())).orElse("")),
            new Column("whole-backlog drain / ceiling", f -> f.drain().map(d -> three(d.rate() / d.ceiling()))
                    .orElse("")),
            new Column("desk run: four services ready together s", f -> f.startUp()
                    .map(u -> one(u.togetherSeconds())).orElse("")),
            new Column("desk run: slowest service alone ready s", f -> f.startUp()
                    .map(u -> one(u.slowestAlone())).orElse("")),
            new Column("desk run: portal alone ready s", f -> f.startUp()
                    .map(u -> one(u.baseline().readySeconds())).orElse("")),
            new Column("desk run: largest service RSS at rest MiB", f -> f.startUp()
                    .map(u -> none(u.largestRest())).orElse("")),
            new Column("desk run: portal RSS at rest MiB", f -> f.startUp()
                    .map(u -> none(u.baseline().restMiB())).orElse(""))
    );

    private final Path file;

    RunHistory(Path root) {
        this.file = root.resolve("docs/benchmark-runs.tsv");
    }

    /** Appends the run's row, first widening the file to the current columns if it was written with fewer. */
    void append(RunFigures figures) throws IOException {
        List<String> header = COLUMNS.stream().map(Column::header).toList();
        List<List<String>> rows = Files.exists(file) ? read() : new ArrayList<>();
        if (rows.isEmpty() || !rows.get(0).equals(header)) {
            if (!rows.isEmpty() && !header.subList(0, Math.min(header.size(), rows.get(0).size()))
                    .equals(rows.get(0))) {
                throw new IllegalStateException(file + " has columns this benchmark does not know: " + rows.get(0));
            }
            if (rows.isEmpty()) {
                rows.add(header);
            }
            rows.set(0, header);
        }
        rows.add(COLUMNS.stream().map(column -> column.value().apply(figures)).toList());
        StringBuilder tsv = new StringBuilder();
        for (List<String> row : rows) {
            tsv.append(String.join("\t", padded(row, header.size()))).append('\n');
        }
        Files.writeString(file, tsv);
    }

    /** The last runs as a Markdown table, one column per run, one row per figure. */
    String markdownTable() throws IOException {
        List<List<String>> rows = read();
        List<List<String>> runs = rows.subList(Math.max(1, rows.size() - SHOWN), rows.size());
        StringBuilder md = new StringBuilder("| figure |");
        runs.forEach(run -> md.append(' ').append(run.get(1)).append(" |"));
        md.append("\n| --- |").append(" ---: |".repeat(runs.size())).append('\n');
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            if (i == 1) {
                continue;
            }
            md.append("| ").append(header.get(i)).append(" |");
            for (List<String> run : runs) {
                md.append(' ').append(padded(run, header.size()).get(i)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private List<List<String>> read() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(new ArrayList<>(Arrays.asList(line.split("\t", -1))));
            }
        }
        return rows;
    }

    private static List<String> padded(List<String> row, int size) {
        List<String> cells = new ArrayList<>(row);
        while (cells.size() < size) {
            cells.add("");
        }
        return cells;
    }

    private static String overload(RunFigures figures, int index, Function<Result, String> value) {
        return figures.overload.size() > index ? value.apply(figures.overload.get(index)) : "";
    }

    private static String none(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String three(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * One column of the file.
     *
     * @param header its name, never changed once written
     * @param value  its cell for a run
     */
    private record Column(String header, Function<RunFigures, String> value) {
    }
}
