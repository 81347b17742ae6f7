package com.publisherdesk.portal;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the portal finds the desk's services, and how people sign in. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** The base URLs of the four services whose APIs the portal calls. */
    Services services();

    /** The embedded desk's sign-in page; never active outside the {@code embedded} profile. */
    LocalSignIn localSignIn();

    /** The base URLs of the desk's services. */
    interface Services {

        /** request-intake: requests, accounts, timelines. */
        String intake();

        /** validation-service: the billing-address store. */
        String validation();

        /** billing-credit-service: the policy and the review queue. */
        String billing();

        /** notification-service: emails. */
        String notification();
    }

    /** The local sign-in of the embedded desk. */
    interface LocalSignIn {

        /** Whether the page exists; only the embedded profile turns it on. */
        @WithDefault("false")
        boolean enabled();

        /** The PEM private key of the embedded desk's token issuer. */
        Optional<Path> signingKey();

        /** The demo users the page lists, as {@code email} or {@code email:role}. */
        @WithDefault("admin@northwind.example,ops@northwind.example,admin@lumiere.example,"
                + "agent@desk.example:support-agent,operator@desk.example:operator")
        java.util.List<String> demoUsers();
    }
}
