package com.publisherdesk.notification.webhook.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps webhooks off the desk's own network: an endpoint must be an absolute {@code https} URL without user
 * information whose host resolves only to public addresses. Loopback, link-local, private, shared, multicast and
 * unspecified addresses are refused, when the endpoint is registered and again before every attempt (a name may
 * resolve elsewhere later). Where {@code desk.webhooks.allow-loopback} is set, loopback endpoints are allowed, over
 * plain {@code http} too, but only on the embedded desk (the {@code embedded} profile) and in tests: anywhere else the
 * switch is ignored, whatever the environment says.
 */
@ApplicationScoped
public class EndpointGuard {

    /** The embedded desk's profile, the only one outside tests in which loopback endpoints may be allowed. */
    public static final String EMBEDDED_PROFILE = "embedded";
    private static final Logger LOG = Logger.getLogger(EndpointGuard.class);

    private final boolean allowLoopback;

    @Inject
    public EndpointGuard(WebhookConfig config) {
        this(config, ConfigUtils.getProfiles(), LaunchMode.current());
    }

    EndpointGuard(WebhookConfig config, List<String> profiles, LaunchMode mode) {
        this.allowLoopback = config.allowLoopback() && (profiles.contains(EMBEDDED_PROFILE) || mode == LaunchMode.TEST);
        if (config.allowLoopback() && !allowLoopback) {
            LOG.warnf("desk.webhooks.allow-loopback is ignored outside the %s profile: loopback endpoints are refused",
                    EMBEDDED_PROFILE);
        }
    }

    /** Why the desk will not call this URL, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of("must be an absolute https URL with a host, no user information and no fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        boolean loopback = allowLoopback && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !(loopback && "http".equalsIgnoreCase(uri.getScheme()))) {
            return Optional.of("must be an https URL");
        }
        for (InetAddress address : addresses) {
            if (!loopback && !isPublic(address)) {
                return Optional.of("must not lead to a loopback, link-local or private address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && second >= 18
                    && second < 20) && first < 224;
        }
        return !(address instanceof Inet6Address) || (raw[0] & 0xfe) != 0xfc;
    }
}
