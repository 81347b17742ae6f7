package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every variable the services read, no other, each with its default and a meaning. */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final List<ConfigurationReference.Reads> READS = ConfigurationReference.reads(ROOT);

    @Test
    void shouldListEveryVariableAServiceReadsWithAMeaning() throws IOException {
        Set<String> missing = new TreeSet<>(ConfigurationReference.variables(READS));
        missing.removeAll(table().keySet());
        assertTrue(missing.isEmpty(), "Read by a service but not in docs/configuration.md: " + missing
                + "; give each a line in docs/configuration-meanings.properties and run ./desk config");
        table().forEach((variable, row) -> assertTrue(!row.get(3).isBlank(), variable + " has no meaning"));
    }

    @Test
    void shouldListNoVariableThatNoServiceReads() throws IOException {
        Set<String> unread = new TreeSet<>(table().keySet());
        unread.addAll(ConfigurationReference.meanings(ROOT).keySet());
        unread.removeAll(ConfigurationReference.variables(READS));
        assertTrue(unread.isEmpty(), "In docs/configuration.md or its meanings but read by no service: " + unread);
    }

    @Test
    void shouldShowTheDefaultAndTheReadersThePropertiesFilesHave() throws IOException {
        Map<String, String> differences = new TreeMap<>();
        table().forEach((variable, row) -> {
            String expected = ConfigurationReference.readers(READS, variable) + " | "
                    + ConfigurationReference.defaults(READS, variable);
            String shown = row.get(1) + " | " + row.get(2);
            if (!expected.equals(shown)) {
                differences.put(variable, "the table says " + shown + ", the properties files " + expected);
            }
        });
        assertTrue(differences.isEmpty(), "run ./desk config: " + differences);
    }

    @Test
    void shouldBeTheTablesThatDeskConfigWrites() throws IOException {
        String document = Files.readString(ROOT.resolve(ConfigurationReference.DOCUMENT));
        String written = document.substring(document.indexOf(ConfigurationReference.START),
                document.indexOf(ConfigurationReference.END));
        assertEquals(ConfigurationReference.tables(READS, ConfigurationReference.meanings(ROOT)), written,
                "docs/configuration.md differs from docs/configuration-meanings.properties: run ./desk config");
    }

    /** The rows of the document's tables by variable: variable, read by, default, meaning. */
    private static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Files.readAllLines(ROOT.resolve(ConfigurationReference.DOCUMENT)).stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> List.of(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")))
                .forEach(cells -> rows.put(cells.get(0).strip().replace("`", ""),
                        cells.stream().map(String::strip).toList()));
        return rows;
    }
}
