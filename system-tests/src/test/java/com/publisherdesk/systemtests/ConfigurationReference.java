package com.publisherdesk.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configuration reference, docs/configuration.md: every environment variable a service reads (a {@code ${VAR}} or
 * {@code ${VAR:default}} in its application.properties or service-kit's microprofile-config.properties, or a
 * {@code System.getenv("VAR")} in its code), with its default there and its meaning from
 * docs/configuration-meanings.properties. {@code ./desk config} (this class's {@code main}, JDK only) writes the
 * tables; {@code ConfigurationReferenceTest} checks them.
 */
final class ConfigurationReference {

    static final List<String> SERVICES = List.of("request-intake", "validation-service", "billing-credit-service",
            "notification-service", "portal");
    static final Path MEANINGS = Path.of("docs", "configuration-meanings.properties");
    static final Path DOCUMENT = Path.of("docs", "configuration.md");
    static final String START = "<!-- The tables below are written by ./desk config: edit "
            + "docs/configuration-meanings.properties, not them. -->";
    static final String END = "<!-- End of the tables written by ./desk config. -->";
    private static final String KIT = "service-kit";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z][A-Z0-9_]*)\"\\)");

    /**
     * The variables one service reads, each with its default there (null when there is none: the variable is
     * required).
     */
    record Reads(String service, Map<String, String> defaults) {
    }

    /** A meaning from docs/configuration-meanings.properties, under the heading of its group. */
    record Meaning(String group, String text) {
    }

    private ConfigurationReference() {
    }

    /** Writes the tables into docs/configuration.md of the project at {@code args[0]}, or says what is missing. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Reads> reads = reads(root);
        Map<String, Meaning> meanings = meanings(root);
        Set<String> unexplained = new TreeSet<>(variables(reads));
        unexplained.removeAll(meanings.keySet());
        Set<String> unread = new TreeSet<>(meanings.keySet());
        unread.removeAll(variables(reads));
        if (!unexplained.isEmpty() || !unread.isEmpty()) {
            System.err.println((unexplained.isEmpty() ? "" : "Read but without a line in " + MEANINGS + ": "
                    + unexplained + ". ") + (unread.isEmpty() ? "" : "In " + MEANINGS + " but read by no service: "
                    + unread + "."));
            System.exit(1);
        }
        Path document = root.resolve(DOCUMENT);
        String text = Files.readString(document);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from < 0 || to < from) {
            System.err.println(DOCUMENT + " has lost its markers: " + START + " ... " + END);
            System.exit(1);
        }
        Files.writeString(document, text.substring(0, from) + tables(reads, meanings) + text.substring(to));
        System.out.println(DOCUMENT + ": " + meanings.size() + " variables read by " + SERVICES.size() + " services.");
    }

    /** The tables, start marker included, end marker excluded. */
    static String tables(List<Reads> reads, Map<String, Meaning> meanings) {
        StringBuilder out = new StringBuilder(START).append('\n');
        String group = null;
        for (Map.Entry<String, Meaning> entry : meanings.entrySet()) {
            if (!entry.getValue().group().equals(group)) {
                group = entry.getValue().group();
                out.append("\n### ").append(group).append("\n\n| variable | read by | default | meaning |\n")
                        .append("| --- | --- | --- | --- |\n");
            }
            String variable = entry.getKey();
            out.append("| `").append(variable).append("` | ").append(readers(reads, variable)).append(" | ")
                    .append(defaults(reads, variable)).append(" | ").append(entry.getValue().text()).append(" |\n");
        }
        return out.append('\n').toString();
    }

    /** The services that read {@code variable}, as the table shows them. */
    static String readers(List<Reads> reads, String variable) {
        List<String> services = reads.stream().filter(r -> r.defaults().containsKey(variable)).map(Reads::service)
                .toList();
        if (services.size() == SERVICES.size() - 1) {
            return "all but " + SERVICES.stream().filter(s -> !services.contains(s)).findFirst().orElseThrow();
        }
        return services.size() == SERVICES.size() ? "all" : String.join(", ", services);
    }

    /** The default of {@code variable}, as the table shows it: one, or each service's when they differ. */
    static String defaults(List<Reads> reads, String variable) {
        Map<String, String> byService = new LinkedHashMap<>();
        reads.stream().filter(r -> r.defaults().containsKey(variable))
                .forEach(r -> byService.put(r.service(), shown(r.defaults().get(variable))));
        if (byService.values().stream().distinct().count() == 1) {
            return byService.values().iterator().next();
        }
        return byService.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String shown(String defaultValue) {
        if (defaultValue == null) {
            return "none (required)";
        }
        return defaultValue.isEmpty() ? "empty" : "`" + defaultValue.replace("|", "\\|") + "`";
    }

    /** What each service reads: its own properties and code, and service-kit's where it uses the kit. */
    static List<Reads> reads(Path root) {
        Map<String, String> kitProperties = references(root.resolve(KIT)
                .resolve("src/main/resources/META-INF/microprofile-config.properties"));
        List<Reads> reads = new ArrayList<>();
        for (String service : SERVICES) {
            Path module = root.resolve(service);
            Map<String, String> own = references(module.resolve("src/main/resources/application.properties"));
            Map<String, String> defaults = new LinkedHashMap<>();
            if (text(module.resolve("pom.xml")).contains("<artifactId>" + KIT + "</artifactId>")) {
                kitProperties.forEach((key, value) -> {
                    if (!own.containsKey(key)) {
                        collect(value, defaults);
                    }
                });
                environmentReads(root.resolve(KIT), defaults);
            }
            own.values().forEach(value -> collect(value, defaults));
            environmentReads(module, defaults);
            reads.add(new Reads(service, defaults));
        }
        return reads;
    }

    /** Every variable some service reads. */
    static Set<String> variables(List<Reads> reads) {
        return reads.stream().flatMap(r -> r.defaults().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The meanings in file order, each under its group. */
    static Map<String, Meaning> meanings(Path root) {
        Map<String, Meaning> meanings = new LinkedHashMap<>();
        String group = "";
        String last = null;
        for (String line : text(root.resolve(MEANINGS)).lines().toList()) {
            if (line.startsWith("## ")) {
                group = line.substring(3).strip();
            } else if (line.startsWith(" ") && last != null) {
                Meaning before = meanings.get(last);
                meanings.put(last, new Meaning(before.group(), before.text() + " " + line.strip()));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                last = line.substring(0, line.indexOf('=')).strip();
                meanings.put(last, new Meaning(group, line.substring(line.indexOf('=') + 1).strip()));
            }
        }
        return meanings;
    }

    /** The production settings of a properties file (test and dev profiles left out), by key. */
    private static Map<String, String> references(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        text(file).lines().filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> !line.startsWith("%test.") && !line.startsWith("%dev."))
                .forEach(line -> settings.put(line.substring(0, line.indexOf('=')).strip(),
                        line.substring(line.indexOf('=') + 1)));
        return settings;
    }

    private static void collect(String value, Map<String, String> defaults) {
        Matcher reference = REFERENCE.matcher(value);
        while (reference.find()) {
            defaults.put(reference.group(1), reference.group(2));
        }
    }

    private static void environmentReads(Path module, Map<String, String> defaults) {
        Path code = module.resolve("src/main/java");
        if (!Files.isDirectory(code)) {
            return;
        }
        try (Stream<Path> files = Files.walk(code)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher read = GETENV.matcher(text(file));
                while (read.find()) {
                    defaults.putIfAbsent(read.group(1), null);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
