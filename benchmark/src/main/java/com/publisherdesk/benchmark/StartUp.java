package com.publisherdesk.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

/**
 * Start-up and memory with {@code ./desk run}'s JVM options ({@link DeskServices#DESK_JVM_OPTIONS}): the four
 * services started at once on a fresh database, as the first {@code ./desk run} starts them, then each alone, and the
 * portal alone as the baseline: a service of the same framework, build and options without a database, Kafka or
 * mail.
 */
final class StartUp {

    /** How long a service is left idle after it is ready before its resident memory is read. */
    static final Duration REST = Duration.ofSeconds(10);
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);

    /** One service started alone: seconds to ready, CPU seconds it used until then, resident MiB at rest. */
    record Alone(String service, double readySeconds, double cpuSeconds, double restMiB) {
    }

    /**
     * The four services started together and each alone.
     *
     * @param togetherSeconds    from the first start to the last service ready
     * @param togetherCpuSeconds the CPU the four used until then
     * @param alone              each service alone, the portal (the baseline) last
     */
    record Result(double togetherSeconds, double togetherCpuSeconds, List<Alone> alone) {

        Alone baseline() {
            return alone.get(alone.size() - 1);
        }

        List<Alone> services() {
            return alone.subList(0, alone.size() - 1);
        }

        double slowestAlone() {
            return services().stream().mapToDouble(Alone::readySeconds).max().orElse(0);
        }

        double largestRest() {
            return services().stream().mapToDouble(Alone::restMiB).max().orElse(0);
        }
    }

    private StartUp() {
    }

    static Result measure(Path root, Map<String, String> environment, Path logDir)
            throws IOException, InterruptedException {
        double togetherSeconds;
        double togetherCpu = 0;
        try (DeskServices four = DeskServices.of(root, DeskServices.freePorts(), environment, logDir,
                DeskServices.DESK_JVM_OPTIONS)) {
            long started = System.nanoTime();
            four.startAll(READY_LIMIT);
            togetherSeconds = (System.nanoTime() - started) / 1e9;
            for (ServiceProcess service : four.all()) {
                togetherCpu += Footprint.cpuMillis(service.pid()) / 1e3;
            }
        }
        System.out.printf("start-up: the four services together ready in %.1f s (%.1f s of CPU)%n", togetherSeconds,
                togetherCpu);
        List<Alone> alone = new ArrayList<>();
        try (DeskServices each = DeskServices.of(root, DeskServices.withPortal(DeskServices.freePorts(),
                Ports.free()), environment, logDir, DeskServices.DESK_JVM_OPTIONS)) {
            List<ServiceProcess> order = new ArrayList<>(each.all());
            // The baseline last, so that Result can tell it apart.
            order.add(order.remove(order.indexOf(each.get(DeskServices.PORTAL))));
            for (ServiceProcess service : order) {
                alone.add(alone(service));
            }
        }
        return new Result(togetherSeconds, togetherCpu, alone);
    }

    private static Alone alone(ServiceProcess service) throws IOException, InterruptedException {
        try (service) {
            service.start();
            double ready = service.awaitReady(READY_LIMIT).toMillis() / 1e3;
            double cpu = Footprint.cpuMillis(service.pid()) / 1e3;
            Thread.sleep(REST.toMillis());
            Alone measured = new Alone(service.name(), ready, cpu, Footprint.rssMegabytes(service.pid()));
            System.out.printf("start-up: %s alone ready in %.1f s (%.1f s of CPU), %.0f MiB at rest%n",
                    service.name(), ready, cpu, measured.restMiB());
            return measured;
        }
    }
}
