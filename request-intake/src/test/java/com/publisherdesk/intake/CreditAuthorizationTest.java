package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.CreditAuthorized;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A publisher's authorization to issue a credit on its behalf: standing consent, or given per request. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class CreditAuthorizationTest {

    private static final String AUTHORIZE = "/v1/publishers/{publisher}/requests/{id}/credit-authorization";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> requests;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        requests = kafka.consumeStrings().fromTopics("requests");
    }

    @AfterEach
    void close() {
        requests.close();
        kafka.close();
    }

    @Test
    void shouldCarryTheStandingConsentOfAPublisherThatGaveOneOnEverySubmittedCredit() throws Exception {
        String id = file("northwind");
        RequestSubmitted submitted = EventJson.mapper().readValue(event(id, Events.REQUEST_SUBMITTED).value(),
                RequestSubmitted.class);
        CreditAuthorization consent = ((RequestDetails.Credit) submitted.details()).standingConsent();
        assertEquals(CreditAuthorization.STANDING_CONSENT, consent.kind());
        assertEquals("admin@northwind.example", consent.givenBy());

        Admins.as("ops@northwind.example")
                .when().post(AUTHORIZE, "northwind", id)
                .then().statusCode(200).body("kind", equalTo("standing-consent"),
                        "authorizedBy", equalTo("admin@northwind.example"));
    }

    @Test
    void shouldRecordAnAuthorizationForOneRequestOncePublishItAndShowItOnTheTimeline() throws Exception {
        String id = file("lumiere");
        RequestSubmitted submitted = EventJson.mapper().readValue(event(id, Events.REQUEST_SUBMITTED).value(),
                RequestSubmitted.class);
        assertNull(((RequestDetails.Credit) submitted.details()).standingConsent());

        Admins.given("lumiere")
                .when().post(AUTHORIZE, "lumiere", id)
                .then().statusCode(202).body("kind", equalTo("request"), "authorizedBy",
                        equalTo("admin@lumiere.example"));
        CreditAuthorized authorized = EventJson.mapper().readValue(event(id, Events.CREDIT_AUTHORIZED).value(),
                CreditAuthorized.class);
        assertEquals("admin@lumiere.example", authorized.authorization().givenBy());

        Admins.given("lumiere")
                .when().post(AUTHORIZE, "lumiere", id)
                .then().statusCode(200);
        Admins.given("lumiere").when().get("/v1/publishers/lumiere/requests/{id}", id)
                .then().statusCode(200).body("timeline.step", hasItem("authorization-recorded"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requests.getRecords()
                .stream().filter(r -> id.equals(r.key()) && type(r).equals(Events.CREDIT_AUTHORIZED.name()))
                .count() == 1);
    }

    @Test
    void shouldNotLetAnotherPublisherAuthorizeNorSomeoneWhoIsNotAnAdministrator() {
        String id = file("lumiere");
        Admins.given("northwind")
                .when().post(AUTHORIZE, "northwind", id)
                .then().statusCode(404).contentType("application/problem+json");
        Admins.given("northwind")
                .when().post(AUTHORIZE, "lumiere", id)
                .then().statusCode(403).contentType("application/problem+json");
        Admins.as("someone@elsewhere.example")
                .when().post(AUTHORIZE, "lumiere", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/forbidden"));
        given().when().post(AUTHORIZE, "lumiere", id)
                .then().statusCode(401).contentType("application/problem+json");
        Admins.given("lumiere")
                .when().post(AUTHORIZE, "lumiere", UUID.randomUUID())
                .then().statusCode(404);
        assertNull(QuarkusTransaction.requiringNew().call(() -> DeskRequest.<DeskRequest>findById(UUID.fromString(id))
                .creditAuthorizedBy));
    }

    @Test
    void shouldRefuseToAuthorizeARequestThatIsNotACredit() {
        String id = Admins.given("northwind").contentType(ContentType.JSON).body(Map.of("subscriptionId",
                "sub-" + UUID.randomUUID(),
                "billingAddress", Map.of("line1", "12 Rue de la Paix", "city", "Paris", "postalCode", "75002",
                        "country", "FR")))
                .when().post("/v1/publishers/northwind/subscription-validations")
                .then().statusCode(202).extract().path("requestId");
        Admins.given("northwind")
                .when().post(AUTHORIZE, "northwind", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/not-a-credit-request"));
    }

    private static String file(String publisher) {
        return Admins.given(publisher).contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .when().post("/v1/publishers/{publisher}/credit-requests", publisher)
                .then().statusCode(202).extract().path("requestId");
    }

    private ConsumerRecord<String, String> event(String id, com.publisherdesk.contracts.EventType<?> eventType) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> requests.getRecords().stream()
                .filter(r -> id.equals(r.key()) && type(r).equals(eventType.name())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }
}
