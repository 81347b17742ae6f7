package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class RequestListingTest {

    @Test
    void shouldListAPublishersRequestsNewestFirstPageByPage() {
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(0, Admins.given("lumiere").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                    .when().post("/v1/publishers/lumiere/credit-requests").then().statusCode(202)
                    .extract().path("requestId"));
        }
        String next = Admins.given("lumiere").queryParam("type", "credit").queryParam("limit", 2)
                .when().get("/v1/publishers/lumiere/requests").then().statusCode(200)
                .body("items.requestId", contains(filed.get(0), filed.get(1)))
                .extract().path("next");

        List<String> second = Admins.given("lumiere").queryParam("type", "credit").queryParam("limit", 2)
                .queryParam("cursor", next)
                .when().get("/v1/publishers/lumiere/requests").then().statusCode(200)
                .extract().path("items.requestId");
        org.junit.jupiter.api.Assertions.assertEquals(filed.get(2), second.get(0));
    }

    @Test
    void shouldFilterByStatusAndTypeAndShowOnlyThePublishersOwnRequests() {
        Admins.given("northwind").contentType(ContentType.JSON)
                .body(Map.of("subscriptionId", "sub-2001", "billingAddress",
                Map.of("line1", "3 Quai des Chartrons", "city", "Bordeaux", "postalCode", "33000", "country", "FR")))
                .when().post("/v1/publishers/northwind/subscription-validations").then().statusCode(202);
        Admins.given("lumiere").queryParam("type", "subscription-validation").queryParam("status", "submitted")
                .when().get("/v1/publishers/lumiere/requests").then().statusCode(200)
                .body("items", hasSize(0), "next", nullValue());
        Admins.given("northwind").queryParam("type", "subscription-validation")
                .when().get("/v1/publishers/northwind/requests").then().statusCode(200)
                .body("items.type", everyItem(equalTo("subscription-validation")));
    }

    @Test
    void shouldRejectAnUnknownStatusABadDateATooLargePageAndAForgedCursor() {
        Admins.given("northwind").queryParam("status", "lost").get("/v1/publishers/northwind/requests")
                .then().statusCode(400).contentType("application/problem+json");
        Admins.given("northwind").queryParam("from", "2026-13-45").get("/v1/publishers/northwind/requests")
                .then().statusCode(400).contentType("application/problem+json");
        Admins.given("northwind").queryParam("limit", 1000).get("/v1/publishers/northwind/requests")
                .then().statusCode(400).contentType("application/problem+json");
        Admins.given("northwind").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/publishers/northwind/requests")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAMadeUpCursorInTheRightFormatAndAcceptTheOneTheListGave() {
        for (int i = 0; i < 2; i++) {
            Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                    .when().post("/v1/publishers/northwind/credit-requests").then().statusCode(202);
        }
        String real = Admins.given("northwind").queryParam("limit", 1).get("/v1/publishers/northwind/requests")
                .then().statusCode(200).extract().path("next");
        Admins.given("northwind").queryParam("limit", 1).queryParam("cursor", real)
                .get("/v1/publishers/northwind/requests").then().statusCode(200);

        String madeUp = base64("2026-01-01T00:00:00Z|" + UUID.randomUUID());
        for (String cursor : List.of(madeUp, madeUp + real.substring(real.indexOf('.')),
                base64("2099-01-01T00:00:00Z|" + UUID.randomUUID()) + "." + base64("made up"))) {
            Admins.given("northwind").queryParam("cursor", cursor).get("/v1/publishers/northwind/requests")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("cursor"));
        }
    }

    @Test
    void shouldRefuseARepeatedOrAnUnknownQueryParameterNamingIt() {
        given().auth().oauth2(DevStackTestResource.tokens().person(Admins.NORTHWIND))
                .get("/v1/publishers/northwind/requests?limit=1&limit=100")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("limit"), "detail", containsString("limit"));
        Admins.given("northwind").queryParam("stauts", "approved").queryParam("limit", 5)
                .get("/v1/publishers/northwind/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("stauts"), "detail", containsString("stauts"));
        Admins.given("northwind").queryParam("limit", 5).get("/v1/publishers/northwind/audit")
                .then().statusCode(200);
        Admins.given("northwind").queryParam("page", 2).get("/v1/publishers/northwind/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("page"));
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
