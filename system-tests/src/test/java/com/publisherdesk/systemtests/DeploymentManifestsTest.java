package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import com.publisherdesk.contracts.Topics;

/**
 * Keeps the Kubernetes manifests, the Strimzi topics and the container image settings under deploy/ and in the POMs
 * in step with what each service reads and serves, since no cluster nor registry is reachable here.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    /** The services' shared settings (the portal is no service-kit service). */
    private static final String KIT_SETTINGS = "service-kit/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @TestFactory
    Stream<DynamicTest> everyServiceRunsItsImageAsNonRootWithProbesResourcesAndTheSharedSettings() {
        return Stream.concat(SERVICES.stream(), Stream.of("portal")).map(name -> DynamicTest.dynamicTest(name, () -> {
            Map<String, Object> deployment = resource(name, "Deployment");
            Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
            assertEquals(Boolean.TRUE, map(pod, "securityContext").get("runAsNonRoot"), name);
            Map<String, Object> container = map(list(pod, "containers").get(0));
            assertEquals("publisher-desk/" + name + ":" + projectVersion(), container.get("image"));
            int port = httpPort(name);
            assertEquals(port, map(list(container, "ports").get(0)).get("containerPort"), name);
            int healthPort = healthPort(name);
            for (String[] probe : new String[][] {{"startupProbe", "/q/health/started"},
                {"livenessProbe", "/q/health/live"}, {"readinessProbe", "/q/health/ready"}}) {
                Map<String, Object> get = map(map(container, probe[0]), "httpGet");
                assertEquals(probe[1], get.get("path"), name + " " + probe[0]);
                assertEquals(healthPort, get.get("port"), name + " " + probe[0]);
            }
            Map<String, Object> resources = map(container, "resources");
            assertTrue(map(resources, "requests").containsKey("memory")
                    && map(resources, "limits").containsKey("memory"), name + " states its memory and its limit");
            assertEquals(List.of(Map.of("configMapRef", Map.of("name", "publisher-desk")),
                    Map.of("secretRef", Map.of("name", "publisher-desk"))), container.get("envFrom"), name);
            Map<String, Object> service = resource(name, "Service");
            assertEquals(port, map(list(map(service, "spec"), "ports").get(0)).get("port"), name);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyServiceIsGivenEveryVariableItNeedsAndNoSettingIsReadByNone() throws IOException {
        Map<String, Object> settings = new TreeMap<>(map(resource("config", "ConfigMap"), "data"));
        settings.putAll(map(resource("config", "Secret"), "stringData"));
        Set<String> unread = new TreeSet<>(settings.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Stream.concat(SERVICES.stream(), Stream.of("portal")).toList()) {
            Map<String, Boolean> read = name.equals("portal") ? portalVariables()
                    : ComposeFileTest.variablesRead(name);
            unread.removeAll(read.keySet());
            tests.add(DynamicTest.dynamicTest(name, () -> read.forEach((variable, hasDefault) -> assertTrue(
                    hasDefault || settings.containsKey(variable), name + " needs " + variable + ", never given"))));
        }
        unread.removeIf(variable -> variable.startsWith("KAFKA_"));
        tests.add(DynamicTest.dynamicTest("no setting is read by no service",
                () -> assertTrue(unread.isEmpty(), "settings no service reads: " + unread)));
        return tests.stream();
    }

    @Test
    void everyTopicTheDeskUsesIsDeclaredForStrimziWithADeadLetterTopicPerService() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kafka-topics.yaml")))) {
            if (document != null) {
                Map<String, Object> topic = map(document);
                assertEquals("KafkaTopic", topic.get("kind"));
                assertEquals("kafka.strimzi.io/v1beta2", topic.get("apiVersion"));
                String name = String.valueOf(map(topic, "metadata").get("name"));
                assertTrue(declared.add(name), name + " declared twice");
                assertTrue((Integer) map(topic, "spec").get("replicas") >= 3, name + " survives a broker's loss");
            }
        }
        Set<String> expected = new TreeSet<>(Topics.DESK);
        expected.addAll(Topics.SUPPORT_CHANNELS);
        SERVICES.forEach(service -> expected.add(service + "-dlq"));
        assertEquals(expected, declared);
    }

    @Test
    void theImagesArePinnedRunAsNonRootAndSizeTheHeapToTheContainer() throws IOException {
        String images = Files.readString(ROOT.resolve("pom.xml"));
        images = images.substring(images.indexOf("<id>images</id>"));
        String base = property(images, "quarkus.jib.base-jvm-image");
        assertTrue(base.matches("[^:@]+(:\\d+(\\.\\d+)+[^:@]*|@sha256:[0-9a-f]{64})"), "pinned: " + base);
        assertTrue(Integer.parseInt(property(images, "quarkus.jib.user")) > 0, "the image's user is not root");
        assertEquals("publisher-desk", property(images, "quarkus.container-image.group"));
        assertTrue(property(images, "container.jvm-flags").contains("-XX:MaxRAMPercentage=")
                && property(images, "quarkus.jib.jvm-arguments").contains("${container.jvm-flags}"),
                "the heap follows the container's memory limit");
        for (String name : Stream.concat(SERVICES.stream(), Stream.of("portal")).toList()) {
            String pom = Files.readString(ROOT.resolve(name).resolve("pom.xml"));
            String profile = pom.substring(Math.max(0, pom.indexOf("<id>images</id>")));
            assertTrue(profile.contains("<artifactId>quarkus-container-image-jib</artifactId>"),
                    name + " builds its image with Jib in the images profile");
        }
    }

    @Test
    void noManifestRunsTheEmbeddedDesksProfileNorAllowsWebhooksToLoopback() throws IOException {
        List<Path> manifests;
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            manifests = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(manifests.size() >= 6, "deploy/kubernetes: " + manifests);
        for (Path manifest : manifests) {
            assertEquals(List.of(), ComposeFileTest.embeddedDeskSwitches(Files.readString(manifest)),
                    manifest.getFileName() + " runs the production profile, where webhooks never reach loopback");
        }
    }

    private static Map<String, Object> resource(String file, String kind) throws IOException {
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes/" + file
                + ".yaml")))) {
            if (document != null && kind.equals(map(document).get("kind"))) {
                return map(document);
            }
        }
        throw new AssertionError("deploy/kubernetes/" + file + ".yaml has no " + kind);
    }

    private static String properties(String name) throws IOException {
        return Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.properties"));
    }

    private static int httpPort(String name) throws IOException {
        Matcher port = Pattern.compile("quarkus.http.port=\\$\\{HTTP_PORT:(\\d+)}").matcher(properties(name));
        assertTrue(port.find(), name + " reads its port from HTTP_PORT");
        return Integer.parseInt(port.group(1));
    }

    /** Where Quarkus serves /q/health: the management port when the service has one, else its HTTP port. */
    private static int healthPort(String name) throws IOException {
        String properties = properties(name);
        boolean managed = properties.contains("quarkus.management.enabled=true")
                || !name.equals("portal") && Files.readString(ROOT.resolve(KIT_SETTINGS))
                        .contains("quarkus.management.enabled=true");
        if (!managed) {
            return httpPort(name);
        }
        Matcher port = Pattern.compile("(?m)^quarkus.management.port=(?:\\$\\{[A-Z_]+:)?(\\d+)").matcher(properties);
        return port.find() ? Integer.parseInt(port.group(1)) : 9000;
    }

    private static Map<String, Boolean> portalVariables() throws IOException {
        Map<String, Boolean> read = new TreeMap<>();
        for (String line : properties("portal").lines().filter(l -> !l.startsWith("#") && !l.startsWith("%"))
                .toList()) {
            Matcher matcher = ENV_REFERENCE.matcher(line);
            while (matcher.find()) {
                read.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalOr);
            }
        }
        return read;
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>publisher-desk</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }

    private static String property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(value.find(), "no " + name);
        return value.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, "no list " + key);
        return (List<?>) value;
    }
}
