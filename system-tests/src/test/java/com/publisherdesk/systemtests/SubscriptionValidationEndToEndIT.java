package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A publisher checks subscriptions and billing addresses against the four services running as processes. */
class SubscriptionValidationEndToEndIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Map<String, Object> CONTOSO = Map.of("line1", "350 Fifth Ave", "city", "New York",
            "region", "NY", "postalCode", "10118-0110", "country", "United States");

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldConfirmASubscriptionWithItsBillingAddressAndEmailTheAnswer() {
        String id = validate("northwind", "sub-1002", CONTOSO);
        JsonPath request = awaitAnswer("northwind", id, "confirmed");
        assertFalse(request.getString("timeline.description").contains("Fifth"), "the stored address leaked");
        List<MailboxEmail> emails = emails(id);
        assertTrue(emails.stream().anyMatch(e -> e.text().contains("CONFIRMED")), emails::toString);
    }

    @Test
    void shouldAnswerTheSameForAWrongAddressAnUnknownSubscriptionAndAnotherPublishersSubscription() {
        Map<String, Object> wrongNumber = Map.of("line1", "352 Fifth Avenue", "city", "New York",
                "postalCode", "10118", "country", "US");
        List<String> northwind = List.of(
                answer("northwind", validate("northwind", "sub-1002", wrongNumber)),
                answer("northwind", validate("northwind", "sub-does-not-exist", CONTOSO)));
        assertEquals(1, northwind.stream().distinct().count(), northwind::toString);
        List<String> lumiere = List.of(
                answer("lumiere", validate("lumiere", "sub-1002", CONTOSO)),
                answer("lumiere", validate("lumiere", "sub-does-not-exist", CONTOSO)));
        assertEquals(1, lumiere.stream().distinct().count(), lumiere::toString);
    }

    private static String answer(String publisher, String id) {
        JsonPath request = awaitAnswer(publisher, id, "not-confirmed");
        String result = emails(id).stream().filter(e -> e.messageId().contains(".result@"))
                .map(MailboxEmail::text).findFirst().orElseThrow();
        return request.getString("timeline.findAll { it.step == 'not-confirmed' }.description")
                + result.replace(id, "<id>").replaceAll("sub-[a-z0-9-]+", "<subscription>")
                        .replaceAll("(Hello|Bonjour) [^,]+,", "");
    }

    private static JsonPath awaitAnswer(String publisher, String id, String status) {
        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf(publisher).get(request(publisher, id))
                .then().statusCode(200).body("status", equalTo(status)));
        return desk.asAdminOf(publisher).get(request(publisher, id)).then().extract().jsonPath();
    }

    private static List<MailboxEmail> emails(String id) {
        return await().atMost(SETTLE).until(() -> desk.mailbox().about(id), found -> found.size() == 2);
    }

    private static String request(String publisher, String id) {
        return desk.url("request-intake") + "/v1/publishers/" + publisher + "/requests/" + id;
    }

    private static String validate(String publisher, String subscription, Map<String, Object> address) {
        return desk.asAdminOf(publisher).contentType(ContentType.JSON)
                .body(Map.of("subscriptionId", subscription, "billingAddress", address))
                .when().post(desk.url("request-intake") + "/v1/publishers/" + publisher + "/subscription-validations")
                .then().statusCode(202).extract().path("requestId");
    }
}
