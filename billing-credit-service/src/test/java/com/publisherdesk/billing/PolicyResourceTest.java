package com.publisherdesk.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The written policy as publishers read it, and dry runs; those through the validation service are in system-tests. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class PolicyResourceTest {

    private static String admin() {
        return DevStackTestResource.tokens().person("admin@northwind.example");
    }

    private static final LocalDate MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(2);

    @Test
    void shouldListTheRulesInForceInOrderWithTheirWordsAndTheVersion() {
        given().auth().oauth2(admin()).when().get("/v1/credit-policy")
                .then().statusCode(200)
                .body("version", startsWith("sha256:"),
                        "rules.ruleId", contains("deny-subscription-not-confirmed", "deny-nothing-billed",
                                "deny-billing-date-mismatch", "deny-above-billed", "deny-billing-date-too-old", "deny-overlapping-credit",
                                "review-above-threshold", "approve"),
                        "rules.find { it.ruleId == 'review-above-threshold' }.explanations.fr",
                        equalTo("Le montant dépasse le seuil d'approbation automatique de 500.00 ; un agent du "
                                + "support décide."));
    }

    @Test
    void shouldAnswer503WithRetryAfterAndStoreNothingWhenTheSubscriptionCannotBeChecked() {
        long before = QuarkusTransaction.requiringNew().call(() -> CreditRequest.count());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(draft())
                .when().post("/v1/publishers/northwind/credit-policy/dry-run")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("https://publisherdesk.com/problems/validation-unavailable"));
        long after = QuarkusTransaction.requiringNew().call(() -> CreditRequest.count());
        assertEquals(before, after);
    }

    @Test
    void shouldRefuseABadDraftNamingTheField() {
        Map<String, Object> draft = draft();
        draft.put("amount", "-3");
        draft.put("creditPeriod", Map.of("from", MONTH.toString(), "to", MONTH.minusDays(1).toString()));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(draft)
                .when().post("/v1/publishers/northwind/credit-policy/dry-run")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"), "errors.field", hasItem("creditPeriod.ordered"));
    }

    @Test
    void shouldRefuseADraftThatFilingWouldRefuseWith400BeforeAskingAnything() {
        List<Map.Entry<String, String>> refused = List.of(Map.entry("subscriptionId", "a b"),
                Map.entry("subscriptionId", "sub-" + "1".repeat(61)), Map.entry("subscriptionId", ""),
                Map.entry("customerName", "Alpine Bakery\r\nBcc: everyone@example.com"),
                Map.entry("currency", "EUX"), Map.entry("reasonCode", "bored"));
        for (Map.Entry<String, String> bad : refused) {
            Map<String, Object> draft = draft();
            draft.put(bad.getKey(), bad.getValue());
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(draft)
                    .when().post("/v1/publishers/northwind/credit-policy/dry-run")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://publisherdesk.com/problems/invalid-request"),
                            "errors.field", hasItem(bad.getKey()));
        }
    }

    static Map<String, Object> draft() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("subscriptionId", "sub-1001");
        draft.put("customerName", "Alpine Bakery SARL");
        draft.put("amount", "120.00");
        draft.put("currency", "EUR");
        draft.put("creditPeriod", Map.of("from", MONTH.toString(), "to", MONTH.plusMonths(1).minusDays(1).toString()));
        draft.put("billingDate", MONTH.plusMonths(1).toString());
        return draft;
    }
}
