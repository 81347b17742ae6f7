package com.publisherdesk.portal.service;

import com.publisherdesk.portal.PortalConfig;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Whether the embedded desk's sign-in page exists: only in the {@code embedded} profile, with the switch on and the
 * local issuer's key given. The compose and production profiles never have it, whatever the environment says.
 */
public final class LocalSignInSwitch {

    /** The embedded desk's sign-in page. */
    public static final String PATH = "/sign-in/local";
    /** The only profile in which the page can exist. */
    public static final String PROFILE = "embedded";

    private LocalSignInSwitch() {
    }

    public static boolean isOn(PortalConfig config) {
        return ConfigUtils.getProfiles().contains(PROFILE) && config.localSignIn().enabled()
                && config.localSignIn().signingKey().isPresent();
    }
}
