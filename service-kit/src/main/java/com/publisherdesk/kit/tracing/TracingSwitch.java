package com.publisherdesk.kit.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Turns tracing on only where spans have somewhere to go: unless {@code quarkus.otel.sdk.disabled} is set
 * ({@code OTEL_SDK_DISABLED}), the OpenTelemetry SDK is off when no OTLP endpoint is configured
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, or the traces' own), so that a desk that exports nothing creates no span.
 */
@Priority(Priorities.APPLICATION)
public class TracingSwitch implements ConfigSourceInterceptor {

    /** The SDK's switch, which this decides when nothing sets it. */
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    /** Where spans go, for every signal. */
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    /** Where spans go, for traces only. */
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || isSet(value)) {
            return value;
        }
        boolean exporting = isSet(context.proceed(ENDPOINT)) || isSet(context.proceed(TRACES_ENDPOINT));
        ConfigValue.ConfigValueBuilder decided = value == null ? ConfigValue.builder().withName(name) : value.from();
        return decided.withValue(String.valueOf(!exporting)).withConfigSourceName(getClass().getSimpleName()).build();
    }

    /** Whether a value was given by configuration (not a default of the extension's) and is not blank. */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}
