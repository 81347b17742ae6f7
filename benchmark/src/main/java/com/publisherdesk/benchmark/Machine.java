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

    /** The commit the run measured, marked {@code +changes} when the working tree differs from it. */
    static String commit(Path root) {
        try {
            String head = git(root, "rev-parse", "--short", "HEAD");
            String changes = git(root, "status", "--porcelain", "--untracked-files=no");
            return head + (changes.isEmpty() ? "" : "+changes");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root, String... arguments) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-C", root.toString()));
        command.addAll(java.util.List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new IOException("git failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output.trim();
    }

    /**
     * The machine's CPU time so far, from /proc/stat: busy and in all, in clock ticks summed over every core; zeros
     * where it cannot be read.
     */
    static CpuTicks cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new CpuTicks(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new CpuTicks(0, 0);
        }
    }

    /**
     * CPU time in clock ticks over every core.
     *
     * @param busy  not idle and not waiting for I/O
     * @param total in all
     */
    record CpuTicks(long busy, long total) {

        /** The share of the machine's CPU time busy since {@code before}, 0 to 1. */
        double busySince(CpuTicks before) {
            long total = this.total - before.total;
            return total <= 0 ? 0 : (busy - before.busy) / (double) total;
        }
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
