package com.publisherdesk.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.OpenTelemetryAgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Without an OTLP endpoint the OpenTelemetry SDK is off, and the datasource hands out the pool's connections to the
 * driver as they are: no statement goes through the tracing wrapper, which costs nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class UntracedDatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Test
    void shouldNotWrapTheConnectionsWhenNoEndpointIsConfigured() throws SQLException {
        assertTrue(sdkDisabled, "no endpoint is configured in the tests");
        assertFalse(ClientProxy.unwrap(dataSource) instanceof OpenTelemetryAgroalDataSource,
                "the datasource is the pool itself");
        try (Connection connection = dataSource.getConnection()) {
            assertFalse(connection.getClass().getName().startsWith("io.opentelemetry"),
                    connection.getClass() + " is the pool's connection");
        }
    }
}
