package com.publisherdesk.kit.input;

import java.nio.charset.StandardCharsets;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.inject.Singleton;

/**
 * The secret that seals page cursors. Every instance of a service is given the same one ({@code CURSOR_KEY}; the
 * embedded desk generates one per desk), so that a cursor given by one instance is accepted by the others.
 */
@Singleton
@Startup
@Unremovable
public class CursorKey {

    /**
     * The shortest secret accepted, checked when the service starts. Checked here rather than by a constraint on
     * {@link Config}: one constrained configuration interface makes a service build a bean validator for its
     * configuration as it starts, close to a second of CPU on a small machine.
     */
    static final int MINIMUM_LENGTH = 32;

    private final byte[] secret;

    public CursorKey(Config config) {
        if (config.key().length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("desk.cursor.key (CURSOR_KEY) must be at least " + MINIMUM_LENGTH
                    + " characters long, the same for every instance of the desk");
        }
        this.secret = config.key().getBytes(StandardCharsets.UTF_8);
    }

    /** The secret of the running service. */
    static byte[] current() {
        return Arc.container().instance(CursorKey.class).get().secret();
    }

    byte[] secret() {
        return secret;
    }

    /** How page cursors are sealed. */
    @ConfigMapping(prefix = "desk.cursor")
    public interface Config {

        /** The secret that seals page cursors: at least 32 characters, the same for every instance of the desk. */
        String key();
    }
}
