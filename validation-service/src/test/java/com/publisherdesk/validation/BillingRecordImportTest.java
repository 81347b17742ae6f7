package com.publisherdesk.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class BillingRecordImportTest {

    private static String operator() {
        return DevStackTestResource.tokens().operator("operator@desk.example");
    }

    private static final String PATH = "/v1/operator/billing-records";

    @Test
    void shouldCreateThenLeaveUnchangedThenAuditAnAddressChange() {
        String subscription = "sub-" + UUID.randomUUID();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(record(subscription, "1 Main Street")))
                .when().post(PATH).then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(record(subscription, "1 Main Street")))
                .when().post(PATH).then().statusCode(200).body("unchanged", equalTo(1));
        long before = changesOf(subscription);

        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(record(subscription, "2 Main Street")))
                .when().post(PATH).then().statusCode(200).body("updated", equalTo(1));
        assertEquals(before + 1, changesOf(subscription));
    }

    @Test
    void shouldRefuseAnImportWithABadRecordAndStoreNoneOfIt() {
        String good = "sub-" + UUID.randomUUID();
        Map<String, Object> bad = record("sub-" + UUID.randomUUID(), "3 Main Street");
        bad.put("billingAddress", Map.of("line1", "3 Main Street", "city", "Lyon", "postalCode", "69001",
                "country", "France"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(record(good, "1 Main Street"), bad))
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].billingAddress.country"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Subscription.count("id", good)));
    }

    @Test
    void shouldRefuseALineBreakInANameOrAnAddressLineAndStoreNothing() {
        String subscription = "sub-" + UUID.randomUUID();
        Map<String, Object> bad = record(subscription, "3 Main Street\nBuilding B");
        bad.put("customerName", "Test\r\nCustomer");
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(List.of(bad))
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[0].customerName"), "errors.field",
                        hasItem("[0].billingAddress.line1"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Subscription.count("id", subscription)));
    }

    @Test
    void shouldImportJsonLinesAndNameTheBadLine() throws Exception {
        String first = "sub-" + UUID.randomUUID();
        String second = "sub-" + UUID.randomUUID();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String lines = json.writeValueAsString(record(first, "1 Main Street")) + "\n"
                + json.writeValueAsString(record(second, "2 Main Street")) + "\n";
        given().auth().oauth2(operator()).contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).when().post(PATH)
                .then().statusCode(200).body("created", equalTo(2));

        Map<String, Object> bad = record("sub-" + UUID.randomUUID(), "");
        given().auth().oauth2(operator()).contentType("application/x-ndjson")
                .body((lines + json.writeValueAsString(bad)).getBytes(StandardCharsets.UTF_8)).when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines[2].billingAddress.line1"));
    }

    private static long changesOf(String subscription) {
        return QuarkusTransaction.requiringNew().call(() -> BillingRecordChange.count("subscriptionId", subscription));
    }

    private static Map<String, Object> record(String subscription, String line1) {
        Map<String, Object> record = new java.util.HashMap<>();
        record.put("subscriptionId", subscription);
        record.put("customerId", "cust-" + subscription);
        record.put("customerName", "Test Customer");
        record.put("offerId", "northwind-crm");
        record.put("publisherId", "northwind");
        record.put("billingAddress", Map.of("line1", line1, "city", "Lyon", "postalCode", "69001", "country", "FR"));
        return record;
    }
}
