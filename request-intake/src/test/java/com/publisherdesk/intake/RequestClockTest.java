package com.publisherdesk.intake;

import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A request's times come from the service's one clock: fixed here, they are exactly what the clock said. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class RequestClockTest {

    @ConfigProperty(name = "desk.acknowledgement.window")
    Duration window;

    @Test
    void shouldStampARequestAndItsAcknowledgementDeadlineFromTheDesksClock() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_600);
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);

        String requestId = Admins.given("northwind").contentType(ContentType.JSON)
                .body(CreditRequests.valid().body())
                .when().post("/v1/publishers/northwind/credit-requests")
                .then().statusCode(202)
                .body("acknowledgementDueBy", equalTo(now.plus(window).toString()))
                .extract().path("requestId");

        Admins.given("northwind").when().get("/v1/publishers/northwind/requests/" + requestId)
                .then().statusCode(200)
                .body("submittedAt", equalTo(now.toString()),
                        "acknowledgement.dueBy", equalTo(now.plus(window).toString()));
    }
}
