package com.publisherdesk.kit.deadletter;

import com.publisherdesk.kit.metrics.Sample;
import com.publisherdesk.kit.metrics.Samples;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How many dead letters this service's dead-letter topic holds, from its offsets (no record is read), at scrape time
 * at most once per {@code desk.metrics.refresh}; a rise means records this service could not apply.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    void register(@Observes StartupEvent event, MeterRegistry metrics, Samples samples, DeadLetterTopic letters) {
        Sample<Long> depth = samples.of(letters::depth);
        Gauge.builder("desk.dead.letters", depth, sample -> sample.number(value -> value)).strongReference(true)
                .tag("topic", letters.name()).description("Records in this service's dead-letter topic")
                .register(metrics);
    }
}
