package com.publisherdesk.notification;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Points a test profile's mailer at a port of its own ({@code desk.test.mailer-port}), chosen once per JVM: the choice
 * is kept in a system property, since Quarkus loads a profile class more than once, in several class loaders.
 */
public final class MailerPort {

    private MailerPort() {
    }

    /** The port kept under {@code property}, chosen by {@code choose} the first time. */
    public static synchronized int once(String property, IntSupplier choose) {
        String chosen = System.getProperty(property);
        if (chosen == null) {
            chosen = Integer.toString(choose.getAsInt());
            System.setProperty(property, chosen);
        }
        return Integer.parseInt(chosen);
    }

    /** The settings that point the mailer at {@code port}. */
    public static Map<String, String> settings(int port) {
        return Map.of("desk.test.mailer-port", Integer.toString(port));
    }
}
