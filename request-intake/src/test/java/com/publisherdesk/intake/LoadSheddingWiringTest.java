package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With no room for another request in progress, intake refuses an API request before authenticating it, reading its
 * body or storing anything: 503, {@code Retry-After}, problem+json; its health (on the management port) still answers.
 */
@QuarkusTest
@TestProfile(LoadSheddingWiringTest.NoRoom.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class LoadSheddingWiringTest {

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void shouldRefuseARequestOverTheLimitAtOnceWithRetryAfter() {
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .when().post("/v1/publishers/northwind/credit-requests")
                .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/busy"));
        given().when().get("/v1/publishers/northwind/requests").then().statusCode(503);
        given().when().get(live).then().statusCode(200);
    }

    /** No request may be in progress: every API request is over the limit. */
    public static class NoRoom implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("desk.limits.concurrent-requests", "0");
        }
    }
}
