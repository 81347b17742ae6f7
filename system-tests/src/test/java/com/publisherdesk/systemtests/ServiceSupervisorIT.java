package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;
import com.publisherdesk.devstack.ServiceSupervisor;

/** The supervisor of {@code ./desk run} brings back a service that was killed, and one that froze. */
class ServiceSupervisorIT {

    private static ServiceProcess service;
    private static ServiceSupervisor supervisor;

    @BeforeAll
    static void start() throws Exception {
        RunningDesk desk = RunningDesk.shared();
        Path jar = RunningDesk.ROOT.resolve("validation-service/target/quarkus-app/quarkus-run.jar");
        service = new ServiceProcess("validation-service", Ports.free(), jar,
                desk.stack().dataDir().resolve("logs/validation-service-supervised.log"),
                DeskServices.environmentFor(desk.stack().quarkusConfig()), List.of("-Xmx256m", "-XX:+UseSerialGC"));
        service.start().awaitReady(Duration.ofMinutes(2));
        supervisor = new ServiceSupervisor(List.of(service), Duration.ofSeconds(1), 3, System.out::println);
    }

    @AfterAll
    static void stop() {
        supervisor.close();
        service.close();
    }

    @Test
    void shouldRestartAServiceWhoseProcessDied() {
        long pid = service.pid();
        int restarts = supervisor.restarts(service);
        service.kill();

        await().atMost(Duration.ofMinutes(2)).until(() -> supervisor.restarts(service) > restarts
                && service.isReady());
        assertNotEquals(pid, service.pid());
    }

    @Test
    void shouldRestartAServiceThatStoppedAnsweringItsLivenessCheck() throws Exception {
        long pid = service.pid();
        int restarts = supervisor.restarts(service);
        Process freeze = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start();
        assertTrue(freeze.waitFor() == 0, "the process could not be frozen");

        await().atMost(Duration.ofMinutes(2)).until(() -> supervisor.restarts(service) > restarts
                && service.isReady());
        assertNotEquals(pid, service.pid());
    }
}
