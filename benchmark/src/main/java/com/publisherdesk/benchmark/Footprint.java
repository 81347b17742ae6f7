package com.publisherdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident memory and CPU time from /proc. */
final class Footprint {

    /** The clock ticks per second /proc counts in; 100 on Linux unless the kernel was built otherwise. */
    private static final long CLOCK_TICKS = 100;

    private Footprint() {
    }

    /** Resident set size in MiB, or -1 where /proc cannot tell. */
    static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time (user and system) the process has used so far, in milliseconds; -1 where /proc cannot tell. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of proc(5), counted from the state field (3): utime and stime in clock ticks.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time used so far by every process whose command name is {@code command}, in milliseconds. */
    static long cpuMillisOf(String command) {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+")).mapToLong(p -> {
                try {
                    return Files.readString(p.resolve("comm")).trim().equals(command)
                            ? Math.max(0, cpuMillis(Long.parseLong(p.getFileName().toString()))) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
