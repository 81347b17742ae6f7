package com.publisherdesk.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives {@code @QuarkusTest}s real Kafka, PostgreSQL and SMTP servers: one stack per test JVM, shared by every test
 * class and every Quarkus restart. A test profile restarts Quarkus in a new class loader, so the running stack is
 * found through system properties (visible to all class loaders) rather than a static field.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "publisherdesk.devstack.";

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PREFIX + "started") == null) {
                DevStack stack = DevStack.start(DevStackOptions.forTests());
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
                stack.quarkusConfig().forEach((key, value) -> System.setProperty(PREFIX + key, value));
                System.setProperty(PREFIX + "started", "true");
            }
            return runningConfig();
        }
    }

    @Override
    public void stop() {
        // The stack outlives this Quarkus instance; the JVM's shutdown hook stops it.
    }

    /** The token issuer the services of this test JVM trust. */
    public static DeskTokens tokens() {
        String key = System.getProperty(PREFIX + "mp.jwt.verify.publickey.location");
        if (key == null) {
            throw new IllegalStateException("The dev stack is not started in this JVM");
        }
        return DeskTokens.in(java.nio.file.Path.of(key).getParent());
    }

    /**
     * The running stack's settings. The mail server's port is given as a default that a test profile may replace
     * ({@code desk.test.mailer-port}): the settings of a test resource win over a profile's own.
     */
    private static Map<String, String> runningConfig() {
        Map<String, String> config = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX) && !name.equals(PREFIX + "started"))
                .forEach(name -> config.put(name.substring(PREFIX.length()), System.getProperty(name)));
        config.computeIfPresent("quarkus.mailer.port", (key, port) -> "${desk.test.mailer-port:" + port + "}");
        return config;
    }
}
