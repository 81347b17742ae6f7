package com.publisherdesk.kit.tracing;

import com.publisherdesk.kit.logging.LogContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** A span of the desk's own work, ended (and no longer current) when closed; {@link #NONE} when tracing is off. */
public final class Traced implements AutoCloseable {

    /** No span: tracing is off. */
    public static final Traced NONE = new Traced(null);

    private final Span span;
    private Scope scope;

    Traced(Span span) {
        this.span = span;
    }

    /** Makes the span current until {@link #close}. */
    Traced makeCurrent() {
        if (span != null) {
            scope = span.makeCurrent();
        }
        return this;
    }

    /** The span's W3C {@code traceparent}, to hand on (a Kafka header); {@code otherwise} when there is no span. */
    public String traceparentOr(String otherwise) {
        return span == null ? otherwise : LogContext.traceparentOf(span.getSpanContext());
    }

    /** Marks the span failed, with the failure. */
    public void fail(Throwable failure) {
        if (span != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
    }

    @Override
    public void close() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
        if (span != null) {
            span.end();
        }
    }
}
