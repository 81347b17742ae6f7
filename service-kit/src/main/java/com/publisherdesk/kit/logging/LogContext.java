package com.publisherdesk.kit.logging;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * What every log line a request causes carries, in the MDC: the request's id ({@code requestId}), its trace
 * ({@code traceId}) and, in a consumer, the event being applied ({@code eventType}). The trace follows the request
 * from service to service as a W3C Trace Context {@code traceparent}: from the caller's HTTP header (or a new trace),
 * into the outbox with each event the request causes, onto the Kafka record, and into the consumer that applies it.
 * Where tracing is on, the current span (the HTTP server's, a consumer's {@code process}) is that context: its trace
 * id is the one logged, and the events written under it name it as their parent.
 */
public final class LogContext {

    /** The MDC key of the request's id. */
    public static final String REQUEST_ID = "requestId";
    /** The MDC key of the trace's id (32 hex digits, as OpenTelemetry writes it). */
    public static final String TRACE_ID = "traceId";
    /** The MDC key of the CloudEvents type of the event being applied. */
    public static final String EVENT_TYPE = "eventType";
    /** The W3C Trace Context header, on HTTP requests and Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);

    private LogContext() {
    }

    /**
     * Puts a request's or an event's context in the MDC until the scope closes (which restores what was there):
     * the current span's trace, or else the trace of {@code traceparent} continued, or a new trace when it is absent
     * or malformed.
     *
     * @param requestId   the request's id, or null when not known yet
     * @param eventType   the event being applied, or null outside consumers
     * @param traceparent the caller's or the record's trace context, or null
     */
    public static Scope open(String requestId, String eventType, String traceparent) {
        Scope scope = new Scope(MDC.get(REQUEST_ID), MDC.get(TRACE_ID), MDC.get(EVENT_TYPE));
        put(REQUEST_ID, requestId);
        put(EVENT_TYPE, eventType);
        SpanContext span = Span.current().getSpanContext();
        MDC.put(TRACE_ID, span.isValid() ? span.getTraceId() : traceIdOf(traceparent));
        return scope;
    }

    /** Notes the id of the request just created, for the lines that follow in the same context. */
    public static void noteRequestId(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    /**
     * The trace context to hand on with an event written now: the current span's, or else the current trace with a
     * span id of its own, or null outside any request's or event's context.
     */
    public static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return traceparentOf(span);
        }
        Object traceId = MDC.get(TRACE_ID);
        return traceId == null ? null : "00-" + traceId + "-" + hex(16) + "-01";
    }

    /** The W3C {@code traceparent} of a span. */
    public static String traceparentOf(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The trace id of {@code traceparent}, or a new one when it is absent or not a valid version-00 context. */
    static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT_FORMAT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals(NO_TRACE)) {
                return matcher.group(1);
            }
        }
        return hex(32);
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.charAt(0) == '0' && hex.chars().allMatch(c -> c == '0') ? hex(digits) : hex.toString();
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Restores the MDC as it was before {@link #open}. */
    public static final class Scope implements AutoCloseable {

        private final Object requestId;
        private final Object traceId;
        private final Object eventType;

        private Scope(Object requestId, Object traceId, Object eventType) {
            this.requestId = requestId;
            this.traceId = traceId;
            this.eventType = eventType;
        }

        @Override
        public void close() {
            put(REQUEST_ID, requestId == null ? null : requestId.toString());
            put(TRACE_ID, traceId == null ? null : traceId.toString());
            put(EVENT_TYPE, eventType == null ? null : eventType.toString());
        }
    }
}
