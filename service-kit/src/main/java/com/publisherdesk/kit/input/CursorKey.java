package com.publisherdesk.kit.input;

import java.nio.charset.StandardCharsets;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

/**
 * The secret that seals page cursors. Every instance of a service is given the same one ({@code CURSOR_KEY}; the
 * embedded desk generates one per desk), so that a cursor given by one instance is accepted by the others.
 */
@Singleton
@Unremovable
public class CursorKey {

    private final byte[] secret;

    public CursorKey(Config config) {
        this.secret = config.key().getBytes(StandardCharsets.UTF_8);
    }

    /** The secret of the running service. */
    static byte[] current() {
        return Arc.container().instance(CursorKey.class).get().secret;
    }

    /** How page cursors are sealed. */
    @ConfigMapping(prefix = "desk.cursor")
    public interface Config {

        /** The secret that seals page cursors: at least 32 characters, the same for every instance of the desk. */
        @Size(min = 32)
        String key();
    }
}
