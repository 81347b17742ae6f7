package com.publisherdesk.kit.tracing;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Keeps a database statement from starting a trace of its own: a database span (a client span with a {@code db.*}
 * attribute) whose parent is not a valid span is dropped, and every other span is left to the configured sampler. The
 * relays, the email senders, the deadline watchers and the metric gauges poll the database outside any request; each
 * poll would otherwise be exported as a trace of one span.
 */
public final class DatabaseSpanSampler implements Sampler {

    private static final String DATABASE_ATTRIBUTES = "db.";

    private final Sampler configured;

    /** Drops parentless database spans and asks {@code configured} about the others. */
    public DatabaseSpanSampler(Sampler configured) {
        this.configured = configured;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()
                && isDatabaseStatement(attributes)) {
            return SamplingResult.drop();
        }
        return configured.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "DatabaseSpanSampler{" + configured.getDescription() + "}";
    }

    private static boolean isDatabaseStatement(Attributes attributes) {
        return attributes.asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith(DATABASE_ATTRIBUTES));
    }
}
