package com.publisherdesk.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.publisherdesk.billing.api.CreditNoteView;
import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A credit note reaches its readers with the fields the OpenAPI document names, spelt as it spells them. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class CreditNoteViewTest {

    private static final LocalDate MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldListACreditNoteWithTheFieldsTheOpenApiDocumentNames() {
        String subscription = "sub-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(List.of(Map.of("subscriptionId", subscription, "periodFrom", MONTH.toString(),
                        "periodTo", MONTH.plusMonths(1).minusDays(1).toString(),
                        "billingDate", MONTH.plusMonths(1).toString(), "amount", "240.00", "currency", "EUR")))
                .when().post("/v1/operator/charges").then().statusCode(200);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            send(kafka, Events.REQUEST_SUBMITTED, id, request(id, subscription));
            send(kafka, Events.SUBSCRIPTION_CONFIRMED, id,
                    new SubscriptionConfirmed(id, "northwind", subscription, Instant.now(), "credit"));
        }

        JsonPath notes = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(operator())
                .queryParam("subscriptionId", subscription).when().get("/v1/operator/credit-notes")
                .then().statusCode(200).extract().jsonPath(), listed -> listed.getList("$").size() == 1);
        Map<String, Object> note = notes.getMap("[0]");
        Map<String, Object> documented = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath().getMap("components.schemas.CreditNoteView.properties");
        assertEquals(new TreeSet<>(documented.keySet()), new TreeSet<>(note.keySet()));
        assertTrue(Instant.parse((String) note.get("issuedAt")).isAfter(Instant.now().minusSeconds(300)),
                note::toString);
    }

    private static String operator() {
        return DevStackTestResource.tokens().operator("operator@desk.example");
    }

    private static <T> void send(KafkaCompanion kafka, EventType<T> type, String id, T payload) {
        kafka.produceStrings().fromRecords(CloudEventRecords.record(type, id, payload)).awaitCompletion();
    }

    private static RequestSubmitted request(String id, String subscription) {
        CreditRequestDetails credit = new CreditRequestDetails(subscription, "Alpine Bakery SARL",
                new BigDecimal("60.00"), "EUR", new DatePeriod(MONTH, MONTH.plusMonths(1).minusDays(1)),
                MONTH.plusMonths(1), "service-outage", "test");
        return new RequestSubmitted(id, "northwind", Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@northwind.example", new Recipients("Northwind Apps", "billing@northwind.example", List.of(),
                "en"), new RequestDetails.Credit(credit, new CreditAuthorization(CreditAuthorization.STANDING_CONSENT,
                "admin@northwind.example",
                        Instant.parse("2026-01-05T10:00:00Z"))));
    }
}
