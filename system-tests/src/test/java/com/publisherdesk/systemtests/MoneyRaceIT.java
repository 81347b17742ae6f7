package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Money under concurrency, from the outside: many credit requests about one charge raced through intake, decided by
 * two billing instances sharing the partitions; agents approving together on both instances; authorizations arriving
 * together. The ledger is then read: what was credited never exceeds what was billed. Writes the money section of
 * docs/reliability.md (through system-tests/target/reports and {@code ./desk reports}).
 */
class MoneyRaceIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final LocalDate LAST_MONTH = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
    private static final String START = "<!-- money: written by MoneyRaceIT -->";
    private static final String END = "<!-- /money -->";
    private static final List<String> REPORT = new ArrayList<>();

    private static RunningDesk desk;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoBillingInstances() throws Exception {
        desk = RunningDesk.shared();
        first = desk.services().get("billing-credit-service");
        Map<String, String> environment = new HashMap<>(DeskServices.environmentFor(desk.stack().quarkusConfig()));
        environment.put("VALIDATION_URL", desk.url("validation-service"));
        environment.put("INTAKE_URL", desk.url("request-intake"));
        second = new ServiceProcess("billing-credit-service", Ports.free(),
                RunningDesk.ROOT.resolve("billing-credit-service/target/quarkus-app/quarkus-run.jar"),
                desk.stack().dataDir().resolve("logs/billing-credit-service-2.log"), environment,
                DeskServices.DESK_JVM_OPTIONS);
        second.start();
        first.awaitReady(READY);
        second.awaitReady(READY);
        await().atMost(SETTLE).until(MoneyRaceIT::bothInstancesHoldPartitionsOfEveryTopic);
    }

    @AfterAll
    static void stop() throws Exception {
        writeReport();
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenRequestsForAdjacentPeriodsOfOneChargeRace() throws Exception {
        String subscription = northwindSubscriptionBilled("1200.00", "USD");
        List<Callable<String>> filings = new ArrayList<>();
        for (int day = 0; day < 24; day++) {
            LocalDate date = LAST_MONTH.plusDays(day);
            filings.add(() -> file("northwind", subscription, "Contoso Pharmacy", "100.00", "USD", date, date,
                    LAST_MONTH.plusMonths(1)));
        }
        List<String> ids = all(filings);

        Map<String, String> outcomes = settled("northwind", ids);
        BigDecimal credited = credited(subscription);
        report("24 requests of 100.00 USD for adjacent days of one month billed 1200.00 USD, filed at once, decided "
                + "by two billing instances", ids.size(), outcomes, credited, "1200.00 USD");
        assertEquals(12, count(outcomes, "approved"), outcomes::toString);
        assertEquals(12, count(outcomes, "denied"), outcomes::toString);
        assertEquals(0, new BigDecimal("1200.00").compareTo(credited), credited::toPlainString);
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenAgentsOnTwoInstancesApproveTogether() throws Exception {
        String subscription = northwindSubscriptionBilled("1200.00", "USD");
        List<String> ids = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            LocalDate date = LAST_MONTH.plusDays(day);
            ids.add(file("northwind", subscription, "Contoso Pharmacy", "600.00", "USD", date, date,
                    LAST_MONTH.plusMonths(1)));
        }
        settledAs("northwind", ids, "in-review");
        List<String> instances = List.of(first.url(), second.url());
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String queue = instances.get(i % 2) + "/v1/review-queue/" + ids.get(i) + "/decision";
            String agent = "agent" + i + "@desk.example";
            approvals.add(() -> desk.asSupportAgent(agent).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "approve", "note", "Outage confirmed.")).post(queue).statusCode());
        }
        List<Integer> answers = all(approvals);

        assertEquals(2, answers.stream().filter(status -> status == 200).count(), answers::toString);
        assertEquals(4, answers.stream().filter(status -> status == 409).count(), answers::toString);
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            outcomes.put(ids.get(i), answers.get(i) == 200 ? "approved" : "in-review");
        }
        BigDecimal credited = credited(subscription);
        report("6 requests of 600.00 USD in review for one month billed 1200.00 USD, approved at once by six agents "
                + "on two instances (4 refused 409, left in review)", ids.size(), outcomes, credited, "1200.00 USD");
        assertEquals(0, new BigDecimal("1200.00").compareTo(credited), credited::toPlainString);
    }

    @Test
    void shouldNeverCreditMoreThanBilledWhenAuthorizationsArriveTogether() throws Exception {
        String subscription = lumiereSubscriptionBilled("300.00");
        List<Callable<String>> filings = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            LocalDate date = LAST_MONTH.plusDays(day);
            filings.add(() -> file("lumiere", subscription, "Brasserie du Port", "100.00", "EUR", date, date,
                    LAST_MONTH.plusMonths(1)));
        }
        List<String> ids = all(filings);
        Map<String, String> decided = settled("lumiere", ids);
        List<String> waiting = ids.stream().filter(id -> "awaiting-authorization".equals(decided.get(id))).toList();
        assertEquals(3, waiting.size(), decided::toString);

        List<Callable<Integer>> authorizations = waiting.stream().<Callable<Integer>>map(id -> () -> desk
                .asAdminOf("lumiere").post(intake() + "/v1/publishers/lumiere/requests/" + id
                        + "/credit-authorization").statusCode()).toList();
        assertTrue(all(authorizations).stream().allMatch(status -> status == 202));

        Map<String, String> outcomes = settledAs("lumiere", ids, "approved", "denied");
        BigDecimal credited = credited(subscription);
        report("5 requests of 100.00 EUR for one month billed 300.00 EUR without a standing consent, then their "
                + "authorizations at once", ids.size(), outcomes, credited, "300.00 EUR");
        assertEquals(3, count(outcomes, "approved"), outcomes::toString);
        assertEquals(0, new BigDecimal("300.00").compareTo(credited), credited::toPlainString);
    }

    @Test
    void shouldDenyABillingDateTheLedgerDoesNotHaveInTheDryRunAndWhenFiled() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate month = today.withDayOfMonth(1).minusMonths(11);
        LocalDate billed = today.minusDays(334);
        String subscription = northwindSubscriptionBilled("1200.00", "USD", month, billed);
        String id = file("northwind", subscription, "Contoso Pharmacy", "100.00", "USD", month,
                month.plusMonths(1).minusDays(1), today);
        desk.asAdminOf("northwind").contentType(ContentType.JSON)
                .body(Map.of("subscriptionId", subscription, "customerName", "Contoso Pharmacy", "amount", "100.00",
                        "currency", "USD", "creditPeriod", Map.of("from", month.toString(),
                                "to", month.plusMonths(1).minusDays(1).toString()),
                        "billingDate", today.toString()))
                .post(desk.url("billing-credit-service") + "/v1/publishers/northwind/credit-policy/dry-run")
                .then().statusCode(200).body("ruleId", equalTo("deny-billing-date-mismatch"));

        Map<String, String> outcomes = settled("northwind", List.of(id));
        assertEquals("denied", outcomes.get(id));
        desk.asAdminOf("northwind").get(intake() + "/v1/publishers/northwind/requests/" + id).then()
                .body("timeline.find { it.step == 'decided' }.cause", containsString("deny-billing-date-mismatch"));
        desk.asAdminOf("northwind").contentType(ContentType.JSON)
                .body(credit(subscription, "Contoso Pharmacy", "100.00", "USD", month,
                        month.plusMonths(1).minusDays(1), LocalDate.parse("2099-12-31")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(intake() + "/v1/publishers/northwind/credit-requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("billingDate"));
        assertEquals(0, credited(subscription).signum());
    }

    /**
     * Files a credit request as a well-behaved client does: a 503 (the desk busy or a part of it unavailable; nothing
     * was stored) is retried with the same Idempotency-Key once its Retry-After has passed.
     */
    private static String file(String publisher, String subscription, String customer, String amount,
            String currency, LocalDate from, LocalDate to, LocalDate billingDate) {
        String key = UUID.randomUUID().toString();
        Response answer = await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> desk.asAdminOf(publisher).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(credit(subscription, customer, amount, currency, from, to, billingDate))
                        .post(intake() + "/v1/publishers/" + publisher + "/credit-requests"),
                        response -> response.statusCode() != 503);
        return answer.then().statusCode(202).extract().path("requestId");
    }

    private static Map<String, Object> credit(String subscription, String customer, String amount, String currency,
            LocalDate from, LocalDate to, LocalDate billingDate) {
        return Map.of("subscriptionId", subscription, "customerName", customer, "amount", amount,
                "currency", currency, "creditPeriod", Map.of("from", from.toString(), "to", to.toString()),
                "billingDate", billingDate.toString(),
                "reason", Map.of("code", "service-outage", "description", "A day of outage"));
    }

    /** Waits until every request has left pending and validated states, and answers each one's status. */
    private static Map<String, String> settled(String publisher, List<String> ids) {
        return settledAs(publisher, ids, "approved", "denied", "awaiting-authorization", "in-review");
    }

    private static Map<String, String> settledAs(String publisher, List<String> ids, String... finals) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String id : ids) {
            statuses.put(id, await().atMost(SETTLE).until(() -> desk.asAdminOf(publisher)
                    .get(intake() + "/v1/publishers/" + publisher + "/requests/" + id).then().statusCode(200)
                    .extract().<String>path("status"), status -> List.of(finals).contains(status)));
        }
        return statuses;
    }

    private static BigDecimal credited(String subscription) {
        List<String> amounts = desk.asOperator().queryParam("subscriptionId", subscription)
                .get(desk.url("billing-credit-service") + "/v1/operator/credit-notes").then().statusCode(200)
                .extract().path("amount");
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String northwindSubscriptionBilled(String amount, String currency) {
        return northwindSubscriptionBilled(amount, currency, LAST_MONTH, LAST_MONTH.plusMonths(1));
    }

    /** A new subscription of northwind's customer Contoso Pharmacy, billed {@code amount} for {@code month}. */
    private static String northwindSubscriptionBilled(String amount, String currency, LocalDate month,
            LocalDate billed) {
        String subscription = "sub-money-" + UUID.randomUUID();
        records(subscription, "cust-contoso-pharmacy", "Contoso Pharmacy", "northwind-crm", "northwind",
                Map.of("line1", "350 Fifth Avenue", "city", "New York", "region", "NY", "postalCode", "10118",
                        "country", "US"));
        charge(subscription, month, billed, amount, currency);
        return subscription;
    }

    /** A new subscription of Lumière's customer Brasserie du Port, billed {@code amount} EUR last month. */
    private static String lumiereSubscriptionBilled(String amount) {
        String subscription = "sub-money-" + UUID.randomUUID();
        records(subscription, "cust-brasserie-du-port", "Brasserie du Port", "lumiere-caisse", "lumiere",
                Map.of("line1", "3 Quai des Chartrons", "city", "Bordeaux", "postalCode", "33000", "country", "FR"));
        charge(subscription, LAST_MONTH, LAST_MONTH.plusMonths(1), amount, "EUR");
        return subscription;
    }

    private static void records(String subscription, String customerId, String customer, String offer,
            String publisher, Map<String, String> address) {
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "customerId", customerId, "customerName", customer, "offerId", offer, "publisherId", publisher,
                "billingAddress", address)))
                .post(desk.url("validation-service") + "/v1/operator/billing-records").then().statusCode(200);
    }

    private static void charge(String subscription, LocalDate month, LocalDate billed, String amount,
            String currency) {
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "periodFrom", month.toString(), "periodTo", month.plusMonths(1).minusDays(1).toString(),
                "billingDate", billed.toString(), "amount", amount, "currency", currency)))
                .post(desk.url("billing-credit-service") + "/v1/operator/charges").then().statusCode(200);
    }

    /** Runs every call at once and answers their results in order. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String intake() {
        return desk.url("request-intake");
    }

    private static long count(Map<String, String> outcomes, String status) {
        return outcomes.values().stream().filter(status::equals).count();
    }

    /** Whether each billing instance consumes at least one partition of each topic billing reads. */
    private static boolean bothInstancesHoldPartitionsOfEveryTopic() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, desk.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var group = admin.describeConsumerGroups(List.of("billing-credit-service")).all().get()
                    .get("billing-credit-service");
            for (String topic : List.of("requests", "request-validations")) {
                long holders = group.members().stream().filter(member -> holds(member, topic)).count();
                if (holders < 2) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean holds(MemberDescription member, String topic) {
        return member.assignment().topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic));
    }

    private static void report(String scenario, int requests, Map<String, String> outcomes, BigDecimal credited,
            String billed) {
        BigDecimal limit = new BigDecimal(billed.split(" ")[0]);
        REPORT.add("| " + scenario + " | " + requests + " | " + count(outcomes, "approved") + " | "
                + credited.toPlainString() + " " + billed.split(" ")[1] + " | " + billed + " | "
                + (credited.compareTo(limit) > 0 ? "**" + credited.subtract(limit).toPlainString() + "**" : "0")
                + " |");
    }

    private static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder(START).append("\n## Money\n\n")
                .append("Written by `MoneyRaceIT` (system-tests) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" from the ledger it read. Two ")
                .append("billing-credit-service instances share the partitions of the topics they read (one consumer ")
                .append("per channel each, both checked to hold partitions); requests are filed through intake at ")
                .append("once, with different Idempotency-Keys, so they land on different partitions and instances. ")
                .append("**credited** is the sum of the credit notes in the ledger afterwards; **over-credit** is ")
                .append("what it exceeds the billed amount by.\n\n")
                .append("| scenario | requests | approved | credited | billed | over-credit |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        REPORT.forEach(row -> md.append(row).append('\n'));
        md.append("\nEvery path that issues a credit note locks the charge of its period and recomputes what is left ")
                .append("to credit in its own transaction (approvals waiting for authorization hold their amount), ")
                .append("and a database trigger refuses any note that would take a charge's notes above what was ")
                .append("billed.\n").append(END);
        Reports.write("money", md.toString());
    }
}
