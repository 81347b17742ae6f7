package com.publisherdesk.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@code ./desk status} finds each part up or down by its port. */
class DeskStatusTest {

    @Test
    void shouldShowAPartUpWhenItsPortAnswersAndDownWhenNothingListens() throws Exception {
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevStackOptions options = new DevStackOptions(null, kafka.getLocalPort(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free());
            List<DeskStatus.Check> checks = DeskStatus.checks(options);
            Map<String, String> parts = checks.subList(0, 5).stream()
                    .collect(Collectors.toMap(DeskStatus.Check::name, DeskStatus.Check::state));
            assertEquals(Map.of("Kafka", "up", "PostgreSQL", "down", "SMTP", "down", "IMAP", "down", "Mailbox", "down"),
                    parts);
            assertEquals("127.0.0.1:" + kafka.getLocalPort(), checks.get(0).address());
            assertEquals(5 + 5, checks.size(), "the four services and the portal follow the parts");
        }
    }
}
