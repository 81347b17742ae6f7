package com.publisherdesk.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reports that several suites write, each a section between its own markers. A suite writes its section under
 * {@code system-tests/target/reports}, so that {@code ./mvnw verify} changes no tracked file; {@code ./desk reports}
 * (this class's {@code main}) copies the sections of the last run into docs/reliability.md.
 */
final class Reports {

    private static final String TITLE = "# Publisher Desk: reliability\n";
    private static final Path WRITTEN = Path.of("system-tests", "target", "reports");

    private Reports() {
    }

    /** Writes a suite's section, markers included, as {@code target/reports/<name>.md} of system-tests. */
    static void write(String name, String section) throws IOException {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve(WRITTEN).resolve(name + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, section);
    }

    /** Copies every section the last run wrote into {@code docs/reliability.md} of the project at {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path document = root.resolve("docs/reliability.md");
        List<Path> sections;
        try (Stream<Path> files = Files.exists(root.resolve(WRITTEN)) ? Files.list(root.resolve(WRITTEN))
                : Stream.empty()) {
            sections = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : sections) {
            String section = Files.readString(file);
            String start = section.substring(0, section.indexOf('\n'));
            String end = section.substring(section.stripTrailing().lastIndexOf('\n') + 1).strip();
            Files.writeString(document, replaceSection(document, start, end, section.stripTrailing()));
            System.out.println("docs/reliability.md: " + start);
        }
        if (sections.isEmpty()) {
            System.out.println("No reports under " + WRITTEN + ": run ./mvnw verify first.");
        }
    }

    /**
     * The text of {@code file} with the section between {@code start} and {@code end} (markers included) replaced by
     * {@code section}, or {@code section} appended when the file has no such section yet.
     */
    static String replaceSection(Path file, String start, String end, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : TITLE;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            return text.substring(0, from) + section + text.substring(to + end.length());
        }
        if (!text.startsWith(TITLE)) {
            text = TITLE;
        }
        return text.stripTrailing() + "\n\n" + section + "\n";
    }
}
