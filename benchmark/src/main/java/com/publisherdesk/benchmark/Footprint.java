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
        return cpuMillis(pid, false);
    }

    /**
     * CPU time used so far by a process and every process below it: the live ones, and those that exited, which
     * the kernel adds to their parent once it has reaped them (as PostgreSQL's postmaster does with its backends).
     */
    static long treeCpuMillis(long pid) {
        long own = cpuMillis(pid, true);
        return ProcessHandle.of(pid).map(process -> own + process.descendants()
                .mapToLong(child -> Math.max(0, cpuMillis(child.pid(), true))).sum()).orElse(-1L);
    }

    private static long cpuMillis(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 to 17 of proc(5), counted from the state field (3): utime, stime, cutime, cstime in ticks.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
