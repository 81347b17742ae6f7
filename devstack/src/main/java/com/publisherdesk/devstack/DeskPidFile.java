package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process id of a running {@code ./desk run}, in {@code desk.pid} of its data directory: written once it starts,
 * removed when it stops, read by {@code ./desk stop} and {@code ./desk status} from another terminal.
 */
final class DeskPidFile {

    private static final String NAME = "desk.pid";

    private DeskPidFile() {
    }

    /** The desk running on {@code dataDir}, if any: a live launcher whose id the file holds. */
    static Optional<ProcessHandle> running(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(DeskPidFile::isLauncher);
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records this process as the desk running on {@code dataDir}. */
    static void write(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(NAME), ProcessHandle.current().pid() + "\n");
    }

    /** Forgets the desk on {@code dataDir}, once it stopped. */
    static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // A stale file is harmless: its process is gone, or is not a launcher.
        }
    }

    /** A process id may have been given to another program since: only a desk launcher counts. */
    private static boolean isLauncher(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.contains(DeskLauncher.class.getName())).orElse(true);
    }
}
