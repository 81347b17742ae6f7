package com.publisherdesk.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every service has the same shape: entities and domain records at its root; {@code api} for request bodies and
 * views; {@code rest} for resources only, mapping bodies to domain records and results to views; {@code service} for
 * the domain services, which never use {@code api} nor {@code rest}; {@code messaging} for every Kafka consumer;
 * {@code client} for calls to other services; and no package cycle. Read from the compiled classes.
 */
class ArchitectureTest {

    private static final Map<String, String> SERVICES = Map.of("request-intake", "com.publisherdesk.intake",
            "validation-service", "com.publisherdesk.validation", "billing-credit-service",
            "com.publisherdesk.billing", "notification-service", "com.publisherdesk.notification");

    @TestFactory
    Stream<DynamicTest> everyServiceHasTheSameShape() {
        return SERVICES.entrySet().stream().flatMap(service -> {
            Path compiled = RunningDesk.ROOT.resolve(service.getKey()).resolve("target/classes");
            JavaClasses code = new ClassFileImporter().importPath(compiled);
            String base = service.getValue();
            return Stream.of(
                    check(service.getKey() + ": consumers live in messaging", code, classes()
                            .that().containAnyMethodsThat(DescribedPredicate.describe("consume a channel",
                                    method -> method.isAnnotatedWith(
                                            "org.eclipse.microprofile.reactive.messaging.Incoming")))
                            .should().resideInAPackage(base + "..messaging")),
                    check(service.getKey() + ": resources live in rest", code, classes()
                            .that().areAnnotatedWith("jakarta.ws.rs.Path").and().areNotInterfaces()
                            .should().resideInAPackage(base + "..rest")),
                    check(service.getKey() + ": services never use api or rest", code, noClasses()
                            .that().resideInAPackage(base + "..service")
                            .should().dependOnClassesThat().resideInAnyPackage(base + "..api", base + "..rest")),
                    check(service.getKey() + ": bodies and views stand alone", code, noClasses()
                            .that().resideInAPackage(base + "..api")
                            .should().dependOnClassesThat().resideInAnyPackage(base + "..service", base + "..rest",
                                    base + "..messaging")),
                    check(service.getKey() + ": calls to other services live in client", code, classes()
                            .that().haveSimpleNameEndingWith("Client").and().resideInAPackage(base + "..")
                            .should().resideInAPackage(base + "..client")),
                    check(service.getKey() + ": no package cycle", code, slices()
                            .matching(base + ".(*)..").should().beFreeOfCycles()));
        });
    }

    private static DynamicTest check(String name, JavaClasses code, ArchRule rule) {
        return DynamicTest.dynamicTest(name, () -> {
            if (code.isEmpty() || !Files.isDirectory(RunningDesk.ROOT)) {
                throw new IllegalStateException("no compiled classes to check for " + name);
            }
            rule.allowEmptyShould(true).check(code);
        });
    }
}
