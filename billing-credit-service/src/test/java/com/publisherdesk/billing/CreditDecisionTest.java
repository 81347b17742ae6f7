package com.publisherdesk.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.billing.policy.LedgerGuard;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.CreditAuthorized;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.kit.inbox.ProcessedEvent;
import com.publisherdesk.kit.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class CreditDecisionTest {

    private static String operator() {
        return DevStackTestResource.tokens().operator("operator@desk.example");
    }

    private static final LocalDate MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1);
    private static final CreditAuthorization CONSENT = new CreditAuthorization(CreditAuthorization.STANDING_CONSENT,
            "admin@northwind.example", Instant.parse("2026-01-05T10:00:00Z"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> decisions;
    private String subscription;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrapServers);
        decisions = kafka.consumeStrings().fromTopics("credit-decisions");
        subscription = "sub-" + UUID.randomUUID();
        importCharge(subscription, MONTH, MONTH.plusMonths(1).minusDays(1), MONTH.plusMonths(1), "240.00");
    }

    @AfterEach
    void tearDown() {
        decisions.close();
        kafka.close();
    }

    @Test
    void shouldApproveAndIssueOneCreditNoteWhenTheRequestComesBeforeItsVerdict() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "120.00", "EUR"));
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));

        ConsumerRecord<String, String> decision = awaitDecision(id);
        assertEquals(Events.CREDIT_APPROVED.name(), type(decision));
        CreditApproved approved = EventJson.mapper().readValue(decision.value(), CreditApproved.class);
        assertEquals("approve", approved.ruling().ruleId());
        assertEquals(0, new BigDecimal("120.00").compareTo(approved.amount()));
        assertEquals(1, creditNotes(id));
    }

    @Test
    void shouldDecideWhenTheVerdictComesBeforeTheRequest() {
        String id = UUID.randomUUID().toString();
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));
        send(Events.REQUEST_SUBMITTED, id, request(id, "100.00", "EUR"));
        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(id)));
    }

    @Test
    void shouldDenyAnAmountAboveWhatWasBilledAndInviteTheCustomerToContactThePublisher() throws Exception {
        CreditDenied denied = denial(request(null, "240.01", "EUR"));
        assertEquals("deny-above-billed", denied.ruling().ruleId());
        assertEquals(true, denied.ruling().explanation().contains("contact the publisher"));
    }

    @Test
    void shouldDenyACreditInAnotherCurrency() throws Exception {
        assertEquals("deny-nothing-billed", denial(request(null, "10.00", "USD")).ruling().ruleId());
    }

    @Test
    void shouldDenyWhenTheSubscriptionWasNotConfirmed() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "10.00", "EUR"));
        send(Events.SUBSCRIPTION_NOT_CONFIRMED, id,
                new SubscriptionNotConfirmed(id, "northwind", subscription, "customer-mismatch", Instant.now(),
                        "credit"));
        CreditDenied denied = EventJson.mapper().readValue(awaitDecision(id).value(), CreditDenied.class);
        assertEquals("deny-subscription-not-confirmed", denied.ruling().ruleId());
        assertEquals(0, creditNotes(id));
    }

    @Test
    void shouldDenyACreditOverlappingOneAlreadyApproved() throws Exception {
        String first = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, first, request(first, "50.00", "EUR"));
        send(Events.SUBSCRIPTION_CONFIRMED, first, confirmed(first));
        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(first)));

        assertEquals("deny-overlapping-credit", denial(request(null, "50.00", "EUR")).ruling().ruleId());
    }

    @Test
    void shouldSendAnAmountAboveTheThresholdToReview() {
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(Map.of("subscriptionId", subscription,
                "periodFrom", MONTH.toString(), "periodTo", MONTH.plusMonths(1).minusDays(1).toString(),
                "billingDate", MONTH.plusMonths(1).toString(), "amount", "1200.00", "currency", "EUR")))
                .when().post("/v1/operator/charges").then().statusCode(200);
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "800.00", "EUR"));
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));
        assertEquals(Events.CREDIT_REVIEW_REQUIRED.name(), type(awaitDecision(id)));
        assertEquals(0, creditNotes(id));
    }

    @Test
    void shouldNotDecideTwiceNorIssueASecondCreditNoteWhenEventsAreDeliveredAgain() {
        String id = UUID.randomUUID().toString();
        UUID requestEvent = UUID.randomUUID();
        UUID verdictEvent = UUID.randomUUID();
        RequestSubmitted request = request(id, "60.00", "EUR");
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request, requestEvent),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request, requestEvent),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, id, request)));
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id), verdictEvent),
                CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id), verdictEvent),
                CloudEventRecords.record(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id))));

        awaitDecision(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.countAbout(id) == 4 && OutboxEvent.backlog() == 0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> decisions.getRecords().stream().filter(r -> id.equals(r.key())).count() == 1);
        assertEquals(1, creditNotes(id));
    }

    @Test
    void shouldWaitForThePublishersAuthorizationThenIssueOneCreditNoteWhateverIsRedelivered() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "70.00", "EUR", null));
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));

        ConsumerRecord<String, String> waiting = awaitDecision(id);
        assertEquals(Events.CREDIT_AWAITING_AUTHORIZATION.name(), type(waiting));
        CreditAwaitingAuthorization pending = EventJson.mapper().readValue(waiting.value(),
                CreditAwaitingAuthorization.class);
        assertEquals("approve", pending.ruling().ruleId());
        assertEquals(0, new BigDecimal("70.00").compareTo(pending.amount()));
        assertEquals(0, creditNotes(id));

        CreditAuthorized authorized = new CreditAuthorized(id, "northwind", new CreditAuthorization(
                CreditAuthorization.REQUEST, "ops@northwind.example", Instant.now()));
        UUID authorization = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.CREDIT_AUTHORIZED, id, authorized, authorization),
                CloudEventRecords.record(Events.CREDIT_AUTHORIZED, id, authorized, authorization),
                CloudEventRecords.record(Events.CREDIT_AUTHORIZED, id, authorized))).awaitCompletion();

        ConsumerRecord<String, String> issued = await().atMost(Duration.ofSeconds(30)).until(() -> decisions
                .getRecords().stream().filter(r -> id.equals(r.key()) && type(r).equals(Events.CREDIT_APPROVED.name()))
                .findFirst(), Optional::isPresent).orElseThrow();
        CreditApproved approved = EventJson.mapper().readValue(issued.value(), CreditApproved.class);
        assertEquals(pending.ruling().policyVersion(), approved.ruling().policyVersion());
        assertEquals(pending.ruling().explanations(), approved.ruling().explanations());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.countAbout(id) == 4 && OutboxEvent.backlog() == 0));
        assertEquals(1, creditNotes(id));
        assertEquals(2, decisions.getRecords().stream().filter(r -> id.equals(r.key())).count());
    }

    @Test
    void shouldIssueTheCreditNoteAtOnceWhenTheAuthorizationCameBeforeTheDecision() {
        String id = UUID.randomUUID().toString();
        send(Events.CREDIT_AUTHORIZED, id, new CreditAuthorized(id, "northwind", new CreditAuthorization(
                CreditAuthorization.REQUEST, "ops@northwind.example", Instant.now())));
        send(Events.REQUEST_SUBMITTED, id, request(id, "30.00", "EUR", null));
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));

        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(id)));
        assertEquals(1, creditNotes(id));
    }

    @Test
    void shouldDenyABillingDateTheLedgerDoesNotHaveAndAgeThePeriodByTheLedgersDate() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate longAgo = today.withDayOfMonth(1).minusMonths(11);
        importCharge(subscription, longAgo, longAgo.plusMonths(1).minusDays(1), today.minusDays(334), "240.00");
        DatePeriod oldMonth = new DatePeriod(longAgo, longAgo.plusMonths(1).minusDays(1));

        for (LocalDate forged : List.of(today, LocalDate.parse("2099-12-31"))) {
            CreditDenied denied = denial(request(null, "10.00", "EUR", CONSENT, oldMonth, forged));
            assertEquals("deny-billing-date-mismatch", denied.ruling().ruleId());
            assertEquals(true, denied.ruling().explanations().get("fr").contains("facturée"));
        }
        CreditDenied honest = denial(request(null, "10.00", "EUR", CONSENT, oldMonth, today.minusDays(334)));
        assertEquals("deny-billing-date-too-old", honest.ruling().ruleId());
        String id = honest.requestId();
        assertEquals(334L, QuarkusTransaction.requiringNew().call(() -> CreditDecision
                .<CreditDecision>findById(UUID.fromString(id)).factsSeen().billingDateAgeDays()));
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenRequestsForAdjacentPeriodsAreDecidedTogether() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int day = 0; day < 24; day++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            send(Events.REQUEST_SUBMITTED, id, request(id, "20.00", "EUR", CONSENT,
                    new DatePeriod(MONTH.plusDays(day), MONTH.plusDays(day)), MONTH.plusMonths(1)));
        }
        ids.forEach(id -> send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id)));

        List<String> outcomes = ids.stream().map(id -> type(awaitDecision(id))).toList();
        assertEquals(12, outcomes.stream().filter(Events.CREDIT_APPROVED.name()::equals).count(), outcomes::toString);
        assertEquals(12, outcomes.stream().filter(Events.CREDIT_DENIED.name()::equals).count(), outcomes::toString);
        assertEquals(0, new BigDecimal("240.00").compareTo(credited()));
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenAuthorizationsArriveTogetherAfterTheChargeWasCorrected()
            throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            String id = UUID.randomUUID().toString();
            send(Events.REQUEST_SUBMITTED, id, request(id, "60.00", "EUR", null,
                    new DatePeriod(MONTH.plusDays(day), MONTH.plusDays(day)), MONTH.plusMonths(1)));
            send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));
            if (type(awaitDecision(id)).equals(Events.CREDIT_AWAITING_AUTHORIZATION.name())) {
                waiting.add(id);
            }
        }
        assertEquals(4, waiting.size(), "approvals waiting hold what they will credit");
        importCharge(subscription, MONTH, MONTH.plusMonths(1).minusDays(1), MONTH.plusMonths(1), "150.00");

        waiting.forEach(id -> send(Events.CREDIT_AUTHORIZED, id, new CreditAuthorized(id, "northwind",
                new CreditAuthorization(CreditAuthorization.REQUEST, "admin@northwind.example", Instant.now()))));

        List<String> outcomes = waiting.stream().map(id -> type(await().atMost(Duration.ofSeconds(30))
                .until(() -> decisions.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                        records -> records.size() == 2).get(1))).toList();
        assertEquals(2, outcomes.stream().filter(Events.CREDIT_APPROVED.name()::equals).count(), outcomes::toString);
        assertEquals(0, new BigDecimal("120.00").compareTo(credited()));
        String denied = waiting.get(outcomes.indexOf(Events.CREDIT_DENIED.name()));
        CreditDenied denial = EventJson.mapper().readValue(decisions.getRecords().stream()
                .filter(r -> denied.equals(r.key())).toList().get(1).value(), CreditDenied.class);
        assertEquals(LedgerGuard.EXCEEDS_CREDITABLE, denial.ruling().ruleId());
    }

    @Test
    void shouldRefuseInTheDatabaseACreditNoteAboveWhatWasBilledWhateverCodeWritesIt() {
        String id = UUID.randomUUID().toString();
        send(Events.REQUEST_SUBMITTED, id, request(id, "200.00", "EUR"));
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));
        assertEquals(Events.CREDIT_APPROVED.name(), type(awaitDecision(id)));

        String sql = "insert into credit_note (number, request_id, subscription_id, period_from, period_to, amount, "
                + "currency, issued_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'EUR', now())";
        for (String amount : List.of("40.01", "1000.00")) {
            UUID other = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                CreditRequest row = new CreditRequest();
                row.requestId = other;
                row.status = CreditStatus.PENDING;
                row.persist();
            });
            Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    CreditNote.getEntityManager().createNativeQuery(sql).setParameter(1,
                            "CN-T-" + other.toString().substring(0, 8))
                            .setParameter(2, other).setParameter(3, subscription).setParameter(4, MONTH)
                            .setParameter(5, MONTH.plusDays(1)).setParameter(6, new BigDecimal(amount))
                            .executeUpdate()));
            assertEquals(true, rootMessage(refused).contains("against 240.00 EUR billed"), rootMessage(refused));
        }
        assertEquals(0, new BigDecimal("200.00").compareTo(credited()));
    }

    @Test
    void shouldRefuseABadChargeImportWithAProblemAndStoreNothing() {
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(Map.of("subscriptionId", "sub-bad",
                "periodFrom", "2026-10-01", "periodTo", "2026-09-01", "billingDate", "2026-11-01",
                "amount", "12.345", "currency", "EUR")))
                .when().post("/v1/operator/charges").then().statusCode(400).contentType("application/problem+json");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Charge.count("subscriptionId", "sub-bad")));
    }

    private CreditDenied denial(RequestSubmitted template) throws Exception {
        String id = UUID.randomUUID().toString();
        RequestSubmitted request = new RequestSubmitted(id, template.publisherId(), template.submittedAt(),
                template.acknowledgementDueBy(), template.submittedBy(), template.recipients(), template.details());
        send(Events.REQUEST_SUBMITTED, id, request);
        send(Events.SUBSCRIPTION_CONFIRMED, id, confirmed(id));
        ConsumerRecord<String, String> decision = awaitDecision(id);
        assertEquals(Events.CREDIT_DENIED.name(), type(decision));
        assertEquals(0, creditNotes(id));
        return EventJson.mapper().readValue(decision.value(), CreditDenied.class);
    }

    private <T> void send(com.publisherdesk.contracts.EventType<T> type, String id, T payload) {
        kafka.produceStrings().fromRecords(CloudEventRecords.record(type, id, payload)).awaitCompletion();
    }

    private ConsumerRecord<String, String> awaitDecision(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> decisions.getRecords().stream()
                .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static long creditNotes(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CreditNote.countFor(UUID.fromString(id)));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }

    private SubscriptionConfirmed confirmed(String id) {
        return new SubscriptionConfirmed(id, "northwind", subscription, Instant.now(), "credit");
    }

    /** A credit request of a publisher with a standing consent to issue credits on its behalf. */
    private RequestSubmitted request(String id, String amount, String currency) {
        return request(id, amount, currency, CONSENT);
    }

    private RequestSubmitted request(String id, String amount, String currency, CreditAuthorization consent) {
        return request(id, amount, currency, consent, new DatePeriod(MONTH, MONTH.plusMonths(1).minusDays(1)),
                MONTH.plusMonths(1));
    }

    private RequestSubmitted request(String id, String amount, String currency, CreditAuthorization consent,
            DatePeriod period, LocalDate billingDate) {
        CreditRequestDetails credit = new CreditRequestDetails(subscription, "Alpine Bakery SARL",
                new BigDecimal(amount), currency, period, billingDate, "service-outage", "test");
        return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@northwind.example", new Recipients("Northwind Apps", "billing@northwind.example", List.of(),
                "en"), new RequestDetails.Credit(credit, consent));
    }

    private static void importCharge(String subscription, LocalDate from, LocalDate to, LocalDate billed,
            String amount) {
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(Map.of("subscriptionId", subscription, "periodFrom", from.toString(),
                        "periodTo", to.toString(), "billingDate", billed.toString(), "amount", amount,
                        "currency", "EUR")))
                .when().post("/v1/operator/charges").then().statusCode(200);
    }

    private BigDecimal credited() {
        return QuarkusTransaction.requiringNew().call(() -> CreditNote.ofSubscription(subscription).stream()
                .map(note -> note.amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
