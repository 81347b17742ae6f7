package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class CreditRequestResourceTest {

    private static final String PATH = "/v1/publishers/{publisherId}/credit-requests";

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
    void shouldAcceptACreditRequestAndPublishItsSubmittedEvent() throws Exception {
        String requestId = Admins.given("northwind").contentType(ContentType.JSON)
                .body(CreditRequests.valid().body())
                .when().post(PATH, "northwind")
                .then().statusCode(202)
                .header("Location", containsString("/v1/publishers/northwind/requests/"))
                .body("status", equalTo("submitted"), "acknowledgementDueBy", notNullValue())
                .extract().path("requestId");

        ConsumerRecord<String, String> record;
        try (ConsumerTask<String, String> requests = kafka.consumeStrings().fromTopics("requests")) {
            record = await().atMost(Duration.ofSeconds(20)).until(() -> requests.getRecords().stream()
                    .filter(r -> requestId.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        }
        RequestSubmitted event = EventJson.mapper().readValue(record.value(), RequestSubmitted.class);
        assertEquals("northwind", event.publisherId());
        assertEquals("120.00", ((RequestDetails.Credit) event.details()).request().amount().toPlainString());
        assertEquals("billing@northwind.example", event.recipients().to());
        assertEquals(Admins.NORTHWIND, event.submittedBy());
        assertEquals(Events.REQUEST_SUBMITTED.name(), new String(record.headers().lastHeader("ce_type").value()));
    }

    @Test
    void shouldRejectANegativeAmountNamingTheFieldAndStoreNothing() {
        long before = storedRequests();
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().with("amount", "-5.00")
                .body())
                .when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"), "title", equalTo("The request is not valid"));
        assertEquals(before, storedRequests());
    }

    @Test
    void shouldRejectAnUnknownCurrencyAReversedPeriodAndAnUnknownReason() {
        Map<String, Object> body = CreditRequests.valid().with("currency", "EUX")
                .with("creditPeriod", Map.of("from", "2026-10-31", "to", "2026-10-01"))
                .with("reason", Map.of("code", "bored")).body();
        Admins.given("northwind").contentType(ContentType.JSON).body(body).when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("currency"), "errors.field", hasItem("creditPeriod.ordered"),
                        "errors.field", hasItem("reason.code"));
    }

    @Test
    void shouldRejectALineBreakInTheCustomerNameButKeepThemInTheReasonsDescription() {
        long before = storedRequests();
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid()
                .with("customerName", "Alpine Bakery\r\nSubject: refund approved").body())
                .when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("customerName"));
        assertEquals(before, storedRequests());
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().with("reason",
                Map.of("code", "service-outage", "description", "Down on the 3rd.\nAnd the 4th.")).body())
                .when().post(PATH, "northwind").then().statusCode(202);
    }

    @Test
    void shouldRejectAnAmountSentAsANumberAndUnknownFields() {
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().with("amount", 12.5).body())
                .when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json");
        Admins.given("northwind").contentType(ContentType.JSON).body(CreditRequests.valid().with("discount", "1")
                .body())
                .when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("discount"));
    }

    @Test
    void shouldRejectMalformedJson() {
        Admins.given("northwind").contentType(ContentType.JSON).body("{\"amount\": ").when().post(PATH, "northwind")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldForbidFilingForAPublisherTheCallerDoesNotAdministerAndStoreNothing() {
        long before = storedRequests();
        Admins.given("nobody").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .when().post(PATH, "nobody")
                .then().statusCode(403).contentType("application/problem+json");
        Admins.given("lumiere").contentType(ContentType.JSON).body(CreditRequests.valid().body())
                .when().post(PATH, "northwind")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, storedRequests());
    }

    @Test
    void shouldReturnTheFirstAnswerForARetryWithTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = CreditRequests.valid().body();
        String first = Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH, "northwind").then().statusCode(202).extract().path("requestId");
        long stored = storedRequests();

        Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH, "northwind").then().statusCode(202).body("requestId", equalTo(first));
        assertEquals(stored, storedRequests());
    }

    @Test
    void shouldPointToTheOpenRequestWhenASecondOneOverlapsItsPeriod() {
        CreditRequests first = CreditRequests.valid();
        String existing = Admins.given("northwind").contentType(ContentType.JSON).body(first.body()).when()
                .post(PATH, "northwind")
                .then().statusCode(202).extract().path("requestId");
        long stored = storedRequests();

        Admins.given("northwind").contentType(ContentType.JSON).body(first.with("amount", "5.00").body()).when()
                .post(PATH, "northwind")
                .then().statusCode(409).contentType("application/problem+json")
                .header("Location", containsString("/v1/publishers/northwind/requests/" + existing))
                .body("detail", containsString(existing));
        assertEquals(stored, storedRequests());
    }

    @Test
    void shouldAcceptOnlyOneOfSeveralOverlappingRequestsFiledAtTheSameInstant() throws Exception {
        CreditRequests credit = CreditRequests.valid();
        int clients = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        String token = DevStackTestResource.tokens().person(Admins.NORTHWIND);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Map<String, Object> body = new java.util.HashMap<>(credit.body());
                body.put("amount", (10 + i) + ".00");
                answers.add(pool.submit(() -> {
                    start.await();
                    return io.restassured.RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(body).when().post(PATH, "northwind").statusCode();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 202).count(), statuses::toString);
            assertEquals(clients - 1, statuses.stream().filter(status -> status == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CreditRequests.valid().body())
                .when().post(PATH, "northwind").then().statusCode(202);
        Admins.given("northwind").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CreditRequests.valid().with("amount", "99.00").body())
                .when().post(PATH, "northwind").then().statusCode(422).contentType("application/problem+json");
    }

    private static long storedRequests() {
        return QuarkusTransaction.requiringNew().call(() -> DeskRequest.count());
    }
}
