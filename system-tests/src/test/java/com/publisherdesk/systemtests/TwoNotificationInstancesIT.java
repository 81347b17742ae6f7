package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.MailboxEmail;
import com.publisherdesk.devstack.Ports;
import com.publisherdesk.devstack.ServiceProcess;

import io.restassured.http.ContentType;

/** Two notification-service instances share one consumer group; one is killed while requests flow. */
class TwoNotificationInstancesIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private static final Map<String, String> QUICK_TAKEOVER = Map.of("MAIL_CLAIM_TIMEOUT", "5S");

    private static RunningDesk desk;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        first = desk.services().get("notification-service");
        first.kill();
        first.start(QUICK_TAKEOVER);
        Path jar = RunningDesk.ROOT.resolve("notification-service/target/quarkus-app/quarkus-run.jar");
        second = new ServiceProcess("notification-service", Ports.free(), jar,
                desk.stack().dataDir().resolve("logs/notification-service-2.log"),
                DeskServices.environmentFor(desk.stack().quarkusConfig()), List.of("-Xmx256m", "-XX:+UseSerialGC"));
        second.start(QUICK_TAKEOVER);
        first.awaitReady(READY);
        second.awaitReady(READY);
    }

    @AfterAll
    static void stop() throws Exception {
        second.close();
        first.kill();
        first.start().awaitReady(READY);
    }

    @Test
    void shouldSendEveryEmailOnceWhenOneOfTwoInstancesIsKilledMidStream() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(fileCredit());
        }
        second.kill();
        for (int i = 0; i < 10; i++) {
            ids.add(fileCredit());
        }

        for (String id : ids) {
            List<MailboxEmail> emails = await().atMost(Duration.ofSeconds(120))
                    .until(() -> desk.mailbox().about(id), found -> found.size() == 2);
            assertTrue(emails.stream().allMatch(email -> email.deliveries() == 1), emails::toString);
        }
    }

    private static String fileCredit() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Map<String, Object> body = Map.of("subscriptionId", "sub-" + UUID.randomUUID(),
                "customerName", "Someone", "amount", "10.00", "currency", "EUR",
                "creditPeriod", Map.of("from", month.toString(), "to", month.plusMonths(1).minusDays(1).toString()),
                "billingDate", month.plusMonths(1).toString(),
                "reason", Map.of("code", "other", "description", "Rebalance test"));
        return desk.asAdminOf("northwind").contentType(ContentType.JSON).body(body)
                .when().post(desk.url("request-intake") + "/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }
}
