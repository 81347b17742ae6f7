package com.publisherdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Describes the machine a run was measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the CPU stays unknown.
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + totalMemoryGib() + " GiB, Java " + System.getProperty("java.version");
    }

    private static String totalMemoryGib() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Long.toString(Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
