package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class SubscriptionValidationResourceTest {

    private static final String PATH = "/v1/publishers/{publisherId}/subscription-validations";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void shouldAcceptAValidationAndPointToTheRequest() {
        Admins.given("northwind").contentType(ContentType.JSON).body(body("sub-1001")).when().post(PATH, "northwind")
                .then().statusCode(202).body("status", equalTo("submitted"), "requestId", notNullValue());
    }

    @Test
    void shouldRejectAnAddressWithoutAPostalCodeNamingTheField() {
        Map<String, Object> body = Map.of("subscriptionId", "sub-1001",
                "billingAddress", Map.of("line1", "12 Rue de la Paix", "city", "Paris", "country", "FR"));
        Admins.given("northwind").contentType(ContentType.JSON).body(body).when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("billingAddress.postalCode"));
    }

    @Test
    void shouldRefuseFurtherTriesAfterThreeUnconfirmedAnswersForOneSubscription() {
        String subscription = "sub-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = Admins.given("northwind").contentType(ContentType.JSON).body(body(subscription)).when()
                    .post(PATH, "northwind")
                    .then().statusCode(202).extract().path("requestId");
            kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.SUBSCRIPTION_NOT_CONFIRMED, id,
                    new SubscriptionNotConfirmed(id, "northwind", subscription, "unknown-subscription", Instant.now(),
                            RequestTypes.SUBSCRIPTION_VALIDATION))).awaitCompletion();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Admins.given("northwind")
                    .get("/v1/publishers/northwind/requests/{id}", id).then().body("status", equalTo("not-confirmed")));
        }

        Admins.given("northwind").contentType(ContentType.JSON).body(body(subscription)).when().post(PATH, "northwind")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        Admins.given("northwind").contentType(ContentType.JSON).body(body("sub-" + UUID.randomUUID())).when()
                .post(PATH, "northwind")
                .then().statusCode(202);
    }

    private static Map<String, Object> body(String subscription) {
        return Map.of("subscriptionId", subscription, "billingAddress", Map.of("line1", "12 Rue de la Paix",
                "city", "Paris", "postalCode", "75002", "country", "FR"));
    }
}
