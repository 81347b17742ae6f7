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
    void theNotificationServiceSendsThroughTheMailCatcher() throws IOException {
        Map<String, Object> environment = section(section(services(), "notification-service"), "environment");
        assertEquals("mailpit", environment.get("SMTP_HOST"));
        assertTrue(services().containsKey("mailpit"));
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

    /** The variables a service reads: its own application.properties and the settings every service shares. */
    private static Map<String, Boolean> variablesRead(String service) throws IOException {
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
