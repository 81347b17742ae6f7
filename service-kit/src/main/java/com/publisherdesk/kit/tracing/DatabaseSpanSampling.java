package com.publisherdesk.kit.tracing;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import jakarta.inject.Singleton;

/**
 * Puts {@link DatabaseSpanSampler} in front of the sampler that configuration chooses ({@code OTEL_TRACES_SAMPLER}),
 * which still decides every other span.
 */
@Singleton
public class DatabaseSpanSampling implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addSamplerCustomizer((configured, properties) -> new DatabaseSpanSampler(configured));
    }
}
