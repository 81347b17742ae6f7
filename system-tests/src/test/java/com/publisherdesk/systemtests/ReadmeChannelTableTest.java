package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's table of channels ("For downstream systems") is the AsyncAPI document that contracts generates, told
 * by hand: every channel of the document is in it, written by the service the document names and with exactly the
 * document's event types, and it lists no topic, writer or type the document lacks.
 */
class ReadmeChannelTableTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final String HEADER = "| topic | written by | event types (`com.publisherdesk.` ...) |";
    private static final String TYPE_PREFIX = "com.publisherdesk.";
    /** The README's one row for the dead-letter topics: {@code <service>-dlq}, written by each service. */
    private static final String DEAD_LETTER_ROW = "<service>-dlq";
    private static final String DEAD_LETTER_MESSAGE = "dead-letter";
    private static final Pattern WRITTEN_BY = Pattern.compile("Written by ([a-z-]+)\\.");
    private static final Pattern DEAD_LETTERS_OF = Pattern.compile("^Records ([a-z-]+) could not apply");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void shouldListEveryChannelOfTheAsyncApiDocumentWithItsWriterAndTypesAndNothingElse() throws IOException {
        Map<String, String> documented = channelsOfTheDocument();
        assertTrue(documented.size() >= 10, "too few channels in the document: " + documented.keySet());

        assertEquals(documented, channelsOfTheReadme());
    }

    /** Each channel of the AsyncAPI document as "writer: its message names, sorted". */
    @SuppressWarnings("unchecked")
    private static Map<String, String> channelsOfTheDocument() throws IOException {
        Map<String, Object> document;
        try (InputStream in = ReadmeChannelTableTest.class.getClassLoader()
                .getResourceAsStream("asyncapi/publisher-desk.yaml")) {
            document = new Yaml().load(in);
        }
        Map<String, String> channels = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("channels")).forEach((name, channel) -> {
            String description = String.valueOf(channel.get("description"));
            Matcher deadLetters = DEAD_LETTERS_OF.matcher(description);
            Matcher writer = WRITTEN_BY.matcher(description);
            String writtenBy = deadLetters.find() ? deadLetters.group(1) : writer.find() ? writer.group(1) : null;
            assertTrue(writtenBy != null, name + " does not say who writes it: " + description);
            channels.put(String.valueOf(channel.get("address")), writtenBy + ": "
                    + String.join(", ", new TreeSet<>(((Map<String, Object>) channel.get("messages")).keySet())));
        });
        return channels;
    }

    /** Each topic of the README's table as "writer: its event types, sorted", the dead-letter row expanded. */
    private static Map<String, String> channelsOfTheReadme() throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.equals(HEADER)) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("| ---")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                assertEquals(3, cells.length, "a row of three cells: " + line);
                rows.add(new String[] {cells[0].strip(), cells[1].strip(), cells[2].strip()});
            }
        }
        assertTrue(inTable, "README.md has no channel table headed " + HEADER);
        Map<String, String> channels = new TreeMap<>();
        Set<String> writers = new TreeSet<>();
        boolean deadLetterRow = false;
        for (String[] row : rows) {
            List<String> topics = code(row[0]);
            if (topics.equals(List.of(DEAD_LETTER_ROW))) {
                assertEquals("each service", row[1]);
                deadLetterRow = true;
                continue;
            }
            Set<String> types = new TreeSet<>();
            code(row[2]).forEach(type -> types.add(TYPE_PREFIX + type));
            writers.add(row[1]);
            for (String topic : topics) {
                assertTrue(channels.put(topic, row[1] + ": " + String.join(", ", types)) == null, topic + " twice");
            }
        }
        if (deadLetterRow) {
            writers.forEach(writer -> channels.put(writer + "-dlq", writer + ": " + DEAD_LETTER_MESSAGE));
        }
        return channels;
    }

    private static List<String> code(String cell) {
        List<String> names = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
