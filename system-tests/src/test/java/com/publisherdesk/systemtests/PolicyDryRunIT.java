package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A dry run decides a draft as filing would, through the real validation service and ledger, and files nothing. The
 * drafts are for a subscription and month no other system test files a credit for.
 */
class PolicyDryRunIT {

    private static final LocalDate MONTH = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldSayWhichRuleWouldFireWithoutFilingAnything() {
        List<Object> notesBefore = creditNotes();
        int requestsBefore = requests();

        dryRun("northwind", draft("sub-1002", "Contoso Pharmacy", "120.00"))
                .body("outcome", equalTo("approved"), "ruleId", equalTo("approve"),
                        "policyVersion", startsWith("sha256:"));
        dryRun("northwind", draft("sub-1002", "Contoso Pharmacy", "5000.00"))
                .body("outcome", equalTo("denied"), "ruleId", equalTo("deny-above-billed"));
        dryRun("northwind", draft("sub-1002", "Someone Else", "10.00"))
                .body("ruleId", equalTo("deny-subscription-not-confirmed"));

        assertEquals(notesBefore, creditNotes());
        assertEquals(requestsBefore, requests());
    }

    @Test
    void shouldNotTellAPublisherAnythingAboutAnotherPublishersSubscription() {
        dryRun("northwind", draft("sub-2001", "Brasserie du Port", "20.00"))
                .body("outcome", equalTo("denied"), "ruleId", equalTo("deny-subscription-not-confirmed"));
    }

    /** A draft is refused exactly as filing it would be: the same fields, with the same words, and a 400, not a 503. */
    @Test
    void shouldRefuseWhatFilingRefusesWithTheSameWordsAndFileNothing() {
        int requestsBefore = requests();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("subscriptionId", "a b");
        refused.put("subscriptionId ", "sub-" + "1".repeat(61));
        refused.put("customerName", "Contoso\r\nBcc: everyone@example.com");
        refused.put("amount", "12.345");
        refused.put("currency", "EUX");
        refused.forEach((key, value) -> {
            String field = key.trim();
            Map<String, Object> draft = draft("sub-1002", "Contoso Pharmacy", "120.00");
            draft.put(field, value);
            Map<String, Object> filed = new HashMap<>(draft);
            filed.remove("reasonCode");
            filed.put("reason", Map.of("code", "service-outage", "description", "Refused before filing."));
            List<String> byDryRun = messages(desk.asAdminOf("northwind").contentType(ContentType.JSON).body(draft)
                    .when().post(desk.url("billing-credit-service")
                            + "/v1/publishers/northwind/credit-policy/dry-run"), field);
            List<String> byFiling = messages(desk.asAdminOf("northwind").contentType(ContentType.JSON).body(filed)
                    .when().post(desk.url("request-intake") + "/v1/publishers/northwind/credit-requests"), field);
            assertFalse(byFiling.isEmpty(), "filing does not name " + field);
            assertEquals(byFiling, byDryRun, field + " = " + value);
        });
        assertEquals(requestsBefore, requests());
    }

    private static List<String> messages(io.restassured.response.Response answer, String field) {
        return answer.then().statusCode(400).contentType("application/problem+json").extract().jsonPath()
                .<String>getList("errors.findAll { it.field == '" + field + "' }.message").stream().sorted().toList();
    }

    private static io.restassured.response.ValidatableResponse dryRun(String publisher, Map<String, Object> draft) {
        return desk.asAdminOf(publisher).contentType(ContentType.JSON).body(draft)
                .when().post(desk.url("billing-credit-service") + "/v1/publishers/" + publisher
                        + "/credit-policy/dry-run")
                .then().statusCode(200);
    }

    private static List<Object> creditNotes() {
        return desk.asOperator().queryParam("subscriptionId", "sub-1002")
                .when().get(desk.url("billing-credit-service") + "/v1/operator/credit-notes")
                .then().statusCode(200).extract().path("number");
    }

    private static int requests() {
        return desk.asAdminOf("northwind").queryParam("limit", 100).when().get(desk.url("request-intake")
                + "/v1/publishers/northwind/requests").then().statusCode(200).extract().path("items.size()");
    }

    private static Map<String, Object> draft(String subscription, String customer, String amount) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("subscriptionId", subscription);
        draft.put("customerName", customer);
        draft.put("amount", amount);
        draft.put("currency", subscription.equals("sub-2001") ? "EUR" : "USD");
        draft.put("creditPeriod", Map.of("from", MONTH.toString(), "to", MONTH.plusMonths(1).minusDays(1).toString()));
        draft.put("billingDate", MONTH.plusMonths(1).toString());
        draft.put("reasonCode", "service-outage");
        return draft;
    }
}
