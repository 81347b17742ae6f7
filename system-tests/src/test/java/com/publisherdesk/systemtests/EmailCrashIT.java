package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.devstack.ServiceProcess;

import io.restassured.http.ContentType;

/** The notification service is killed between the mail server's acceptance of an email and the record of it. */
class EmailCrashIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private static final Map<String, String> QUICK_TAKEOVER = Map.of("MAIL_CLAIM_TIMEOUT", "2S");

    private static RunningDesk desk;
    private static ServiceProcess notifications;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        notifications = desk.services().get("notification-service");
    }

    @AfterAll
    static void restore() throws Exception {
        notifications.kill();
        notifications.start().awaitReady(READY);
    }

    @Test
    void shouldNotSendAnAcknowledgementTwiceWhenItsSenderDiedBeforeRecordingIt() throws Exception {
        notifications.kill();
        Map<String, String> pausing = new java.util.HashMap<>(QUICK_TAKEOVER);
        pausing.put("MAIL_PAUSE_AFTER_SEND", "60S");
        notifications.start(pausing).awaitReady(READY);

        String id = fileCredit();
        String acknowledgement = "<" + id + ".acknowledgement@publisherdesk>";
        await().atMost(Duration.ofSeconds(90)).until(() -> desk.mailbox().about(id).stream()
                .anyMatch(e -> acknowledgement.equals(e.messageId())));
        notifications.kill();
        desk.asAdminOf("northwind").get(request(id)).then().body("timeline.step", not(hasItems("acknowledged")));

        notifications.start(QUICK_TAKEOVER).awaitReady(READY);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> desk.asAdminOf("northwind").get(request(id)).then()
                .body("timeline.step", hasItems("acknowledged", "result-emailed")));
        List<MailboxEmail> emails = desk.mailbox().about(id);
        assertEquals(2, emails.size(), emails::toString);
        emails.forEach(email -> assertEquals(1, email.deliveries(), email.messageId() + " was delivered twice"));
    }

    private static String request(String id) {
        return desk.url("request-intake") + "/v1/publishers/northwind/requests/" + id;
    }

    private static String fileCredit() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);
        Map<String, Object> body = Map.of("subscriptionId", "sub-1001", "customerName", "Alpine Bakery SARL",
                "amount", "10.00", "currency", "EUR",
                "creditPeriod", Map.of("from", month.withDayOfMonth(20).toString(), "to",
                        month.withDayOfMonth(25).toString()),
                "billingDate", month.plusMonths(1).toString(),
                "reason", Map.of("code", "billing-error", "description", "Crash test"));
        return desk.asAdminOf("northwind").contentType(ContentType.JSON).body(body)
                .when().post(desk.url("request-intake") + "/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }
}
