package com.publisherdesk.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingSwitchTest {

    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    @Test
    void shouldTurnTheSdkOffWhenNoEndpointIsConfigured() {
        assertEquals("true", sdkDisabled(Map.of()));
        assertEquals("true", sdkDisabled(Map.of(ENDPOINT, "${OTEL_EXPORTER_OTLP_ENDPOINT:}")));
    }

    @Test
    void shouldTurnTheSdkOnWhenAnEndpointIsConfigured() {
        assertEquals("false", sdkDisabled(Map.of(ENDPOINT, "http://jaeger:4318")));
        assertEquals("false", sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://jaeger:4318")));
        assertEquals("false", sdkDisabled(Map.of(ENDPOINT, "${TRACES_AT:http://jaeger:4318}")));
    }

    @Test
    void shouldLeaveTheSwitchToWhoeverSetsIt() {
        assertEquals("true", sdkDisabled(Map.of(ENDPOINT, "http://jaeger:4318", TracingSwitch.SDK_DISABLED, "true")));
        assertEquals("false", sdkDisabled(Map.of(ENDPOINT, "http://jaeger:4318",
                TracingSwitch.SDK_DISABLED, "${OTEL_SDK_DISABLED:}")));
        assertEquals("true", sdkDisabled(Map.of(TracingSwitch.SDK_DISABLED, "${OTEL_SDK_DISABLED:}")));
    }

    private static String sdkDisabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withInterceptors(new TracingSwitch())
                .withSources(new PropertiesConfigSource(properties, "test", 250)).build();
        return config.getConfigValue(TracingSwitch.SDK_DISABLED).getValue();
    }
}
