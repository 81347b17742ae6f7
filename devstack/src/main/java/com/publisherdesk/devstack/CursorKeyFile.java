package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The desk's page-cursor secret, generated once per desk and kept in its data directory, so that every service and
 * every instance of one is given the same secret and a restarted desk still accepts the cursors it gave.
 */
final class CursorKeyFile {

    private CursorKeyFile() {
    }

    /** The secret kept in {@code file}, created (random, 256 bits) when the file does not exist yet. */
    static String in(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                        StandardCharsets.US_ASCII);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
