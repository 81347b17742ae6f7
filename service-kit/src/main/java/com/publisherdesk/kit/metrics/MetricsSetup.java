package com.publisherdesk.kit.metrics;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What every service's metrics share: a {@code service} label (the same names whatever the scraper calls its jobs),
 * and HTTP server latencies counted in a few fixed buckets, so that dashboards can take percentiles across instances.
 */
@Singleton
public class MetricsSetup {

    /** The latency buckets of HTTP requests: 5 ms to 10 s. */
    private static final double[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter serviceLabel(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(List.of(Tag.of("service", service)));
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS).build()
                        .merge(config);
            }
        };
    }
}
