package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Topics;
import com.publisherdesk.systemtests.OtlpReceiver.ReceivedSpan;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * One trace follows a credit request through the four services: the caller's {@code traceparent} reaches the
 * submitted event (intake), the verdict (validation), the decision (billing) and the emails' events (notification),
 * each published with the same trace id and a span id of its own; the spans the services export make one trace, from
 * the HTTP call through each publish and process over Kafka to the emails' sends, with the SQL statements of each
 * service under the span that issued them, while the statements the desk issues outside any span (its polls) start no
 * trace. Each of those events also names its JSON Schema in its {@code ce_dataschema} header, and request-intake
 * serves that schema under the header's path.
 */
class TraceContextIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final Set<String> SERVICES = Set.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningDesk desk;
    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> records;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        kafka = new KafkaCompanion(desk.bootstrapServers());
        records = kafka.consumeStrings().fromTopics(Topics.REQUESTS, Topics.REQUEST_VALIDATIONS,
                Topics.CREDIT_DECISIONS, Topics.NOTIFICATIONS);
    }

    @AfterAll
    static void stop() {
        if (records != null) {
            records.close();
            kafka.close();
        }
    }

    @Test
    void shouldCarryTheCallersTraceThroughEveryServiceToTheResultEmail() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String id = fileDeniedCredit("00-" + trace + "-00f067aa0ba902b7-01");
        Set<String> expected = Set.of(Events.REQUEST_SUBMITTED.name(), Events.SUBSCRIPTION_NOT_CONFIRMED.name(),
                Events.CREDIT_DENIED.name(), Events.ACKNOWLEDGEMENT_SENT.name(), Events.RESULT_SENT.name());

        Map<String, String> traceparents = await().atMost(SETTLE).until(() -> headersByType(id, "traceparent"),
                found -> found.keySet().containsAll(expected));
        traceparents.forEach((type, traceparent) -> assertTrue(
                traceparent.matches("00-" + trace + "-[0-9a-f]{16}-01") && !traceparent.contains("00f067aa0ba902b7"),
                type + " was published with " + traceparent));
    }

    @Test
    void shouldExportOneTraceWithSpansOfTheFourServicesParentedAcrossKafkaToTheEmailsSends() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        fileDeniedCredit("00-" + trace + "-" + CALLER_SPAN + "-01");

        List<ReceivedSpan> spans = await().atMost(SETTLE).until(() -> desk.traces().trace(trace),
                TraceContextIT::isCompleteUpToTheResultEmail);
        Map<String, ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (first, again) -> first));
        assertEquals(SERVICES, spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet()));
        assertTrue(spans.stream().anyMatch(span -> span.service().equals("request-intake")
                && span.kind() == SpanKind.SPAN_KIND_SERVER && span.parentId().equals(CALLER_SPAN)),
                "intake's HTTP span is a child of the caller's: " + spans);
        for (ReceivedSpan span : spans) {
            ReceivedSpan parent = byId.get(span.parentId());
            switch (span.kind()) {
                case SPAN_KIND_CONSUMER -> assertTrue(parent != null && parent.kind() == SpanKind.SPAN_KIND_PRODUCER
                        && parent.name().equals(span.name().replace("process ", "publish ")),
                        span + " is a child of the publish of its record, not of " + parent);
                case SPAN_KIND_PRODUCER -> assertTrue(parent != null && parent.kind() != SpanKind.SPAN_KIND_PRODUCER,
                        span + " is a child of the span that wrote its event, not of " + parent);
                case SPAN_KIND_CLIENT -> assertTrue(span.isDatabase() ? isIssuerOf(parent, span)
                        : parent != null && parent.kind() == SpanKind.SPAN_KIND_CONSUMER
                                && parent.service().equals("notification-service"),
                        span + " is a child of the span that issued it, not of " + parent);
                default -> assertTrue(parent != null || span.parentId().equals(CALLER_SPAN), span + " has a parent");
            }
        }
        Set<String> issuers = spans.stream().filter(ReceivedSpan::isDatabase)
                .map(span -> span.service() + " " + byId.get(span.parentId()).kind()).collect(Collectors.toSet());
        assertTrue(issuers.containsAll(Set.of("request-intake SPAN_KIND_SERVER",
                "validation-service SPAN_KIND_CONSUMER", "billing-credit-service SPAN_KIND_CONSUMER",
                "notification-service SPAN_KIND_CONSUMER", "notification-service SPAN_KIND_CLIENT")),
                "SQL statements under intake's HTTP span, each consumer's process and the emails' sends: " + issuers);
    }

    @Test
    void shouldStartNoTraceAtADatabaseStatementWhileTheDeskPolls() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        fileDeniedCredit("00-" + trace + "-" + CALLER_SPAN + "-01");
        await().atMost(SETTLE).until(() -> desk.traces().trace(trace), TraceContextIT::isCompleteUpToTheResultEmail);

        List<ReceivedSpan> received = desk.traces().all();
        assertTrue(received.stream().anyMatch(ReceivedSpan::isDatabase), "the services export SQL statements' spans");
        List<ReceivedSpan> parentless = received.stream()
                .filter(span -> span.isDatabase() && span.parentId().isEmpty()).toList();
        assertEquals(List.of(), parentless, "SQL statements that started a trace");
        Map<String, List<ReceivedSpan>> byTrace = received.stream()
                .collect(Collectors.groupingBy(ReceivedSpan::traceId));
        byTrace.forEach((id, spans) -> assertFalse(spans.stream().allMatch(ReceivedSpan::isDatabase),
                "trace " + id + " has only SQL statements: " + spans));
    }

    /** A span of the same service that is not itself a statement's: the HTTP call, a process or a send email. */
    private static boolean isIssuerOf(ReceivedSpan parent, ReceivedSpan statement) {
        return parent != null && parent.service().equals(statement.service()) && !parent.isDatabase();
    }

    /**
     * Spans from the four services, SQL statements' among them from each, both emails sent, and every span's parent
     * exported (or the caller's).
     */
    private static boolean isCompleteUpToTheResultEmail(List<ReceivedSpan> spans) {
        Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet()).containsAll(SERVICES)
                && spans.stream().filter(ReceivedSpan::isDatabase).map(ReceivedSpan::service)
                        .collect(Collectors.toSet()).containsAll(SERVICES)
                && spans.stream().filter(span -> span.name().equals("send email")).count() >= 2
                && spans.stream().filter(span -> span.name().equals("publish notifications")).count() >= 2
                && spans.stream().allMatch(span -> span.parentId().equals(CALLER_SPAN)
                        || ids.contains(span.parentId()));
    }

    @Test
    void shouldNameEachEventsSchemaInItsDataschemaHeaderAndServeItFromIntake() throws Exception {
        String id = fileDeniedCredit("00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01");
        Set<String> expected = Set.of(Events.REQUEST_SUBMITTED.name(), Events.SUBSCRIPTION_NOT_CONFIRMED.name(),
                Events.CREDIT_DENIED.name(), Events.ACKNOWLEDGEMENT_SENT.name(), Events.RESULT_SENT.name());

        Map<String, String> schemas = await().atMost(SETTLE).until(() -> headersByType(id, "ce_dataschema"),
                found -> found.keySet().containsAll(expected));
        for (Map.Entry<String, String> named : schemas.entrySet()) {
            String schema = named.getValue();
            assertEquals(Events.byName(named.getKey()).orElseThrow().dataSchema().toString(), schema, named.getKey());
            String served = RestAssured.get(desk.url("request-intake") + URI.create(schema).getPath()).then()
                    .statusCode(200).contentType("application/schema+json").extract().asString();
            assertEquals(schema, JSON.readTree(served).path("$id").asText(), "the schema intake serves for " + schema);
        }
    }

    private static Map<String, String> headersByType(String requestId, String name) {
        Map<String, String> found = new TreeMap<>();
        for (ConsumerRecord<String, String> record : List.copyOf(records.getRecords())) {
            if (requestId.equals(record.key())) {
                found.put(header(record, "ce_type"), header(record, name));
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A credit for a customer the subscription does not belong to: validated, denied, acknowledged and emailed. */
    private static String fileDeniedCredit(String traceparent) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1)
                .withDayOfMonth(ThreadLocalRandom.current().nextInt(1, 28));
        String amount = ThreadLocalRandom.current().nextInt(10, 99) + "." + ThreadLocalRandom.current().nextInt(10, 99);
        Map<String, Object> body = Map.of("subscriptionId", "sub-1002", "customerName", "Someone Else " + amount,
                "amount", amount, "currency", "USD", "creditPeriod", Map.of("from", day.toString(), "to",
                        day.toString()), "billingDate", day.withDayOfMonth(1).plusMonths(1).toString(),
                "reason", Map.of("code", "service-outage", "description", "A day of outage"));
        return desk.asAdminOf("northwind").contentType(ContentType.JSON).header("traceparent", traceparent)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post(desk.url("request-intake") + "/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }
}
