package com.publisherdesk.kit.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

class LogContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void shouldContinueTheCallersTraceAndHandItOnWithASpanOfItsOwn() {
        try (LogContext.Scope scope = LogContext.open("r-1", "com.publisherdesk.request.submitted.v1",
                "00-" + TRACE + "-00f067aa0ba902b7-01")) {
            assertEquals(TRACE, MDC.get(LogContext.TRACE_ID));
            assertEquals("r-1", MDC.get(LogContext.REQUEST_ID));
            assertEquals("com.publisherdesk.request.submitted.v1", MDC.get(LogContext.EVENT_TYPE));
            String handedOn = LogContext.traceparent();
            assertTrue(handedOn.matches("00-" + TRACE + "-[0-9a-f]{16}-01"), handedOn);
            assertNotEquals("00-" + TRACE + "-00f067aa0ba902b7-01", handedOn);
        }
    }

    @Test
    void shouldStartANewTraceWhenTheCallerSendsNoneOrAMalformedOne() {
        for (String traceparent : new String[] {null, "", "01-" + TRACE + "-00f067aa0ba902b7-01",
                "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01"}) {
            try (LogContext.Scope scope = LogContext.open(null, null, traceparent)) {
                String traceId = String.valueOf(MDC.get(LogContext.TRACE_ID));
                assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.equals(TRACE) && !traceId.matches("0+"),
                        traceparent + " gave " + traceId);
            }
        }
    }

    @Test
    void shouldFollowTheCurrentSpanAndNameItAsTheParentOfWhatIsHandedOn() {
        SpanContext span = SpanContext.create(TRACE, "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope current = Span.wrap(span).makeCurrent();
                LogContext.Scope scope = LogContext.open("r-1", null, null)) {
            assertEquals(TRACE, MDC.get(LogContext.TRACE_ID));
            assertEquals("00-" + TRACE + "-b7ad6b7169203331-01", LogContext.traceparent());
        }
    }

    @Test
    void shouldRestoreTheEnclosingContextWhenAnEventsScopeCloses() {
        try (LogContext.Scope request = LogContext.open("r-1", null, "00-" + TRACE + "-00f067aa0ba902b7-01")) {
            try (LogContext.Scope event = LogContext.open("r-2", "t", null)) {
                assertEquals("r-2", MDC.get(LogContext.REQUEST_ID));
            }
            assertEquals("r-1", MDC.get(LogContext.REQUEST_ID));
            assertEquals(TRACE, MDC.get(LogContext.TRACE_ID));
            assertNull(MDC.get(LogContext.EVENT_TYPE));
        }
        assertNull(LogContext.traceparent());
    }
}
