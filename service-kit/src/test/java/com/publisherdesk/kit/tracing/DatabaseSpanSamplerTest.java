package com.publisherdesk.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

class DatabaseSpanSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Attributes STATEMENT = Attributes.of(AttributeKey.stringKey("db.system"), "postgresql",
            AttributeKey.stringKey("db.operation"), "SELECT");
    private static final Attributes STABLE_STATEMENT = Attributes.of(AttributeKey.stringKey("db.system.name"),
            "postgresql");
    private static final Sampler SAMPLER = new DatabaseSpanSampler(Sampler.parentBased(Sampler.alwaysOn()));

    @Test
    void shouldDropADatabaseStatementIssuedOutsideAnySpan() {
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT, STATEMENT));
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT, STABLE_STATEMENT));
    }

    @Test
    void shouldRecordADatabaseStatementIssuedUnderASampledSpan() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(parent(TraceFlags.getSampled()), SpanKind.CLIENT,
                STATEMENT));
    }

    @Test
    void shouldLeaveADatabaseStatementUnderAnUnsampledSpanToTheConfiguredSampler() {
        assertEquals(SamplingDecision.DROP, decide(parent(TraceFlags.getDefault()), SpanKind.CLIENT, STATEMENT));
    }

    @Test
    void shouldLetOtherSpansStartTraces() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.SERVER, Attributes.empty()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.CLIENT, Attributes.empty()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.INTERNAL, STATEMENT));
    }

    @Test
    void shouldNameTheSamplerItWraps() {
        assertEquals("DatabaseSpanSampler{" + Sampler.parentBased(Sampler.alwaysOn()).getDescription() + "}",
                SAMPLER.getDescription());
    }

    private static SamplingDecision decide(Context parent, SpanKind kind, Attributes attributes) {
        return SAMPLER.shouldSample(parent, TRACE, "SELECT desk.email", kind, attributes, List.of()).getDecision();
    }

    private static Context parent(TraceFlags flags) {
        SpanContext span = SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags,
                TraceState.getDefault());
        return Context.root().with(Span.wrap(span));
    }
}
