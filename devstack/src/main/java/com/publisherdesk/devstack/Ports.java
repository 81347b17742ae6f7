package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free loopback ports. The kernel may hand the same ephemeral port out twice in a row once the probe socket is
 * closed, so a port already given out by this JVM is never given again.
 */
public final class Ports {

    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port free right now. */
    public static int free() {
        return orFree(0);
    }

    /** The given port, or a free one when it is 0. */
    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port found that was not given out already");
    }
}
