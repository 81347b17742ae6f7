package com.publisherdesk.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports that several suites write into one document, each keeping to its own section between markers. */
final class Reports {

    private static final String TITLE = "# Publisher Desk: reliability\n";

    private Reports() {
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
