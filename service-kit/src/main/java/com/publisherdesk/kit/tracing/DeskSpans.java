package com.publisherdesk.kit.tracing;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.kit.logging.LogContext;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The spans of the desk's own work between services, where no extension makes them: the outbox relay's
 * {@code publish} of each event (a child of the span that wrote it), each consumer's {@code process} of a record (a
 * child of that publish, read from the record's {@code traceparent} header), and the send of an email. Their parent
 * is the stored W3C {@code traceparent}, so one trace runs from the HTTP call to the email. When tracing is off
 * ({@link TracingSwitch}) no span is created and the desk hands its {@code traceparent}s on as before.
 */
@ApplicationScoped
public class DeskSpans {

    /** The destination of a message (a Kafka topic), as OpenTelemetry's messaging conventions name it. */
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    /** The messaging system, always Kafka here. */
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(LogContext.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return LogContext.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;
    private final boolean on;

    public DeskSpans(OpenTelemetry openTelemetry,
            @ConfigProperty(name = TracingSwitch.SDK_DISABLED, defaultValue = "true") boolean sdkDisabled) {
        this.tracer = openTelemetry.getTracer("publisher-desk");
        this.on = !sdkDisabled;
    }

    /** Whether spans are created (an OTLP endpoint is configured). */
    public boolean on() {
        return on;
    }

    /**
     * Starts a span whose parent is {@code traceparent} (a new trace when it is null or malformed); it is not made
     * current. {@link Traced#NONE} when tracing is off.
     */
    public Traced start(String name, SpanKind kind, String traceparent, Map<AttributeKey<String>, String> attributes) {
        if (!on) {
            return Traced.NONE;
        }
        var builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parentOf(traceparent));
        attributes.forEach(builder::setAttribute);
        return new Traced(builder.startSpan());
    }

    /**
     * Starts a span as {@link #start} does and makes it current until the returned handle closes, so that the log
     * context and the events and emails written meanwhile continue it.
     */
    public Traced startCurrent(String name, SpanKind kind, String traceparent,
            Map<AttributeKey<String>, String> attributes) {
        return start(name, kind, traceparent, attributes).makeCurrent();
    }

    /**
     * Makes the span of {@code traceparent} current again (without a span of its own) until the scope closes: work
     * that follows a span that has ended (recording an email's outcome after its send) continues it. A no-op when
     * tracing is off or {@code traceparent} is null.
     */
    public Scope resume(String traceparent) {
        if (!on || traceparent == null) {
            return Scope.noop();
        }
        SpanContext resumed = Span.fromContext(parentOf(traceparent)).getSpanContext();
        return resumed.isValid() ? Span.wrap(resumed).makeCurrent() : Scope.noop();
    }

    private static Context parentOf(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
    }
}
