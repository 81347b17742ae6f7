package com.publisherdesk.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./desk} commands: their arguments, the one-line errors they end with, and {@code ./desk events} reading a
 * cluster with the Kafka client settings the services are given.
 */
class DeskToolTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAnUnknownCommandAsAUsageError() {
        DeskCommandException refusal = assertThrows(DeskCommandException.class,
                () -> DeskTool.run(List.of("evnts", "requests")));
        assertEquals(DeskCommandException.USAGE, refusal.exitStatus());
        assertTrue(refusal.getMessage().startsWith("usage: "), refusal.getMessage());
    }

    @Test
    void shouldReadTheTopicAndTheFollowAndRequestOptionsOfEvents() {
        assertEquals(new DeskEvents.Query("credit-decisions", true, "r-1"),
                DeskEvents.Query.parse(List.of("credit-decisions", "--request", "r-1", "--follow")));
        assertEquals(new DeskEvents.Query("requests", false, null), DeskEvents.Query.parse(List.of("requests")));
    }

    @Test
    void shouldRefuseEventsWithoutATopicOrWithAnUnknownOptionInOneLine() {
        assertUsage("which topic? ./desk events TOPIC [--follow] [--request ID]", List.of());
        assertUsage("unknown option --tail: ./desk events TOPIC [--follow] [--request ID]",
                List.of("requests", "--tail"));
        assertUsage("--request needs a request id: ./desk events TOPIC [--follow] [--request ID]",
                List.of("requests", "--request"));
    }

    @Test
    void shouldTakeRolesAndHoursForATokenAndRefuseAnythingElse() {
        List<String> options = List.of("--role", "operator", "--hours", "2", "--role", "support-agent");
        assertEquals(List.of("operator", "support-agent"), DeskTool.roles(options));
        assertEquals(Duration.ofHours(2), DeskTool.lifetime(options));
        assertEquals(DeskTokens.DEFAULT_LIFETIME, DeskTool.lifetime(List.of()));
        DeskCommandException unknown = assertThrows(DeskCommandException.class,
                () -> DeskTool.roles(List.of("--rol", "operator")));
        assertEquals("unknown option --rol: ./desk token EMAIL [--role ROLE]... [--hours N]", unknown.getMessage());
        DeskCommandException hours = assertThrows(DeskCommandException.class,
                () -> DeskTool.lifetime(List.of("--hours", "two")));
        assertEquals(DeskCommandException.USAGE, hours.exitStatus());
        assertEquals("--hours takes a whole number of hours above 0, not two", hours.getMessage());
    }

    @Test
    void shouldSayTheDeskIsNotRunningWhenAskedToStopItAndNoneRuns() throws Exception {
        Files.writeString(dataDir.resolve("desk.pid"), ProcessHandle.current().pid() + "\n");
        DeskCommandException refusal = assertThrows(DeskCommandException.class,
                () -> DeskTool.run(List.of("stop", dataDir.toString())));
        assertEquals(DeskCommandException.FAILED, refusal.exitStatus());
        assertEquals("the desk is not running on " + dataDir + " (./desk status)", refusal.getMessage());
    }

    @Test
    void shouldSayTheMailboxDoesNotAnswerWhenTheDeskIsStopped() {
        String mailbox = "http://127.0.0.1:" + Ports.free();
        DeskCommandException refusal = assertThrows(DeskCommandException.class,
                () -> DeskTool.run(List.of("mail", mailbox)));
        assertEquals(DeskCommandException.FAILED, refusal.exitStatus());
        assertEquals("the mailbox does not answer at " + mailbox + ": is the desk running? (./desk status)",
                refusal.getMessage());
    }

    @Test
    void shouldSayKafkaDoesNotAnswerWhenTheDeskIsStopped() {
        String bootstrapServers = "127.0.0.1:" + Ports.free();
        DeskCommandException refusal = assertThrows(DeskCommandException.class,
                () -> DeskTool.run(List.of("events", bootstrapServers, "requests")));
        assertEquals(DeskCommandException.FAILED, refusal.exitStatus());
        assertEquals("Kafka does not answer at " + bootstrapServers + ": is the desk running? (./desk status)",
                refusal.getMessage());
    }

    private static void assertUsage(String message, List<String> arguments) {
        DeskCommandException refusal = assertThrows(DeskCommandException.class,
                () -> DeskEvents.Query.parse(arguments));
        assertEquals(DeskCommandException.USAGE, refusal.exitStatus());
        assertEquals(message, refusal.getMessage());
    }

    @Test
    void shouldTakeEveryKafkaClientSettingFromTheEnvironmentAsTheServicesDo() {
        Properties settings = DeskTool.consumerSettings("broker-1:9093", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/desk/truststore.p12",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "KAFKA_CHANNEL_CONCURRENCY", "3",
                "PATH", "/usr/bin"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("PLAIN", settings.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required;",
                settings.get("sasl.jaas.config"));
        assertEquals("/etc/desk/truststore.p12", settings.get("ssl.truststore.location"));
        assertEquals("broker-1:9093", settings.get("bootstrap.servers"));
        assertFalse(settings.containsKey("channel.concurrency"), "not a consumer setting");
        assertFalse(settings.containsKey("path"));
    }
}
