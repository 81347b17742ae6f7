package com.publisherdesk.kit.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file a service ships on its class path, or the operator's own file that replaces it, as read at start.
 *
 * @param content the file's bytes
 * @param source  where it was read from ({@code classpath:} and the resource, or the operator's path), for messages
 */
public record ShippedFile(byte[] content, String source) {

    /**
     * The operator's {@code own} file when one is named, the shipped resource otherwise; {@code what} names the file
     * in error messages ("credit policy").
     */
    public static ShippedFile read(Optional<String> own, String shipped, String what) {
        return own.map(path -> new ShippedFile(readOwn(path, what), path))
                .orElseGet(() -> new ShippedFile(readShipped(shipped, what), "classpath:" + shipped));
    }

    private static byte[] readOwn(String path, String what) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + path
                    + " cannot be read", e);
        }
    }

    private static byte[] readShipped(String resource, String what) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped " + what + " " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
