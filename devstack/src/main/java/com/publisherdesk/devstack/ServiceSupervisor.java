package com.publisherdesk.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps services running, as an orchestrator's liveness probe would: a service whose process exited, or whose
 * liveness check has failed several times in a row (frozen, or its Kafka consumer gone), is killed and started again.
 * Nothing is lost by it: what a service had not finished is redelivered to the new process.
 */
public final class ServiceSupervisor implements AutoCloseable {

    private final List<ServiceProcess> services;
    private final int failuresBeforeRestart;
    private final Consumer<String> log;
    private final Map<ServiceProcess, Integer> failures = new HashMap<>();
    private final Map<ServiceProcess, Integer> restarts = new HashMap<>();
    private final Map<ServiceProcess, Instant> startingSince = new HashMap<>();
    private final Duration startupGrace;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Watches {@code services} every {@code interval}, restarting one after {@code failuresBeforeRestart} failed
     * liveness checks in a row; says what it did through {@code log}. A restarted service is given two minutes to
     * start before its liveness counts, as an orchestrator's start-up probe would.
     */
    public ServiceSupervisor(List<ServiceProcess> services, Duration interval, int failuresBeforeRestart,
            Consumer<String> log) {
        this(services, interval, failuresBeforeRestart, Duration.ofMinutes(2), log);
    }

    /** As above, with the time a restarted service is given to start. */
    public ServiceSupervisor(List<ServiceProcess> services, Duration interval, int failuresBeforeRestart,
            Duration startupGrace, Consumer<String> log) {
        this.startupGrace = startupGrace;
        this.services = List.copyOf(services);
        this.failuresBeforeRestart = failuresBeforeRestart;
        this.log = log;
        checks.scheduleWithFixedDelay(this::checkAll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** How many times {@code service} was restarted. */
    public synchronized int restarts(ServiceProcess service) {
        return restarts.getOrDefault(service, 0);
    }

    private void checkAll() {
        for (ServiceProcess service : services) {
            try {
                check(service);
            } catch (RuntimeException e) {
                log.accept(Instant.now() + " could not check " + service.name() + ": " + e);
            }
        }
    }

    private void check(ServiceProcess service) {
        String why;
        if (!service.isAlive()) {
            why = "its process exited";
        } else if (service.isLive()) {
            failures.remove(service);
            startingSince.remove(service);
            return;
        } else if (startingSince.containsKey(service)
                && Instant.now().isBefore(startingSince.get(service).plus(startupGrace))) {
            return;
        } else if (failures.merge(service, 1, Integer::sum) < failuresBeforeRestart) {
            return;
        } else {
            why = "its liveness check failed " + failuresBeforeRestart + " times in a row";
        }
        failures.remove(service);
        log.accept(Instant.now() + " restarting " + service.name() + ": " + why + " (log " + service.log() + ")");
        service.kill();
        try {
            service.start();
            startingSince.put(service, Instant.now());
            synchronized (this) {
                restarts.merge(service, 1, Integer::sum);
            }
        } catch (java.io.IOException e) {
            log.accept(Instant.now() + " could not restart " + service.name() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
