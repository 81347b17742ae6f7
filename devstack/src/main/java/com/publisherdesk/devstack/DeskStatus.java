package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./desk status}: whether the desk on a data directory runs, and each of its parts and services with its
 * address, up or down, found by probing their ports and the services' readiness checks.
 */
final class DeskStatus {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    /** One part or service: its name, its address and what the probe found. */
    record Check(String name, String address, String state, boolean up) {
    }

    private DeskStatus() {
    }

    /** Prints the status of the desk on {@code dataDir}; true when everything is up. */
    static boolean print(Path dataDir, PrintStream out) {
        out.println(DeskPidFile.running(dataDir)
                .map(desk -> "The desk is running (pid " + desk.pid() + ", data in " + dataDir + ").")
                .orElse("The desk is not running on " + dataDir + "."));
        List<Check> checks = checks(DevStackOptions.forDesk(dataDir));
        checks.forEach(check -> out.printf("  %-24s %-40s %s%n", check.name(), check.address(), check.state()));
        return checks.stream().allMatch(Check::up);
    }

    /** Probes the parts on the ports of {@code options} and the services on their documented ports. */
    static List<Check> checks(DevStackOptions options) {
        List<Check> checks = new ArrayList<>();
        checks.add(port("Kafka", options.kafkaPort(), "127.0.0.1:" + options.kafkaPort()));
        checks.add(port("PostgreSQL", options.dbPort(), "127.0.0.1:" + options.dbPort() + "/"
                + EmbeddedDatabase.DATABASE));
        checks.add(port("SMTP", options.smtpPort(), "127.0.0.1:" + options.smtpPort()));
        checks.add(port("IMAP", options.imapPort(), "127.0.0.1:" + options.imapPort()));
        checks.add(port("Mailbox", options.mailHttpPort(), "http://127.0.0.1:" + options.mailHttpPort()));
        DeskServices.withPortal(DeskServices.DEFAULT_PORTS, DeskServices.PORTAL_PORT)
                .forEach((name, port) -> checks.add(service(name, "http://127.0.0.1:" + port,
                        "http://127.0.0.1:" + (port + DeskServices.MANAGEMENT_PORT_OFFSET))));
        return checks;
    }

    private static Check port(String name, int port, String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) PROBE_TIMEOUT.toMillis());
            return new Check(name, address, "up", true);
        } catch (IOException e) {
            return new Check(name, address, "down", false);
        }
    }

    /** A service at {@code url}, ready when its management port ({@code management}) says so. */
    private static Check service(String name, String url, String management) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).timeout(PROBE_TIMEOUT)
                .build();
        try {
            int status = HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? new Check(name, url, "up, ready", true)
                    : new Check(name, url, "up, not ready (" + status + ")", false);
        } catch (IOException e) {
            return new Check(name, url, "down", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name, url, "unknown", false);
        }
    }
}
