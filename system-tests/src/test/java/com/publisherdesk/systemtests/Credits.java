package com.publisherdesk.systemtests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * Files small credit requests, each for one day of the month before last: on Alpine's {@code sub-1001} for Northwind
 * (whose whole month only a test indifferent to the outcome credits) and Tailspin's {@code sub-2002} for Lumière, so
 * that no other test's expected decision changes. Whether each is approved or denied as overlapping depends on what
 * ran before; callers expect a decision, not which.
 */
final class Credits {

    private static final Map<String, String[]> SUBSCRIPTIONS = Map.of(
            "northwind", new String[] { "sub-1001", "Alpine Bakery SARL", "EUR" },
            "lumiere", new String[] { "sub-2002", "Tailspin Toys Ltd", "GBP" });

    private Credits() {
    }

    /** Files a credit of {@code amount} for one day of the month before last; returns its request id. */
    static String file(RunningDesk desk, String publisherId, int day, String amount) {
        String[] subscription = SUBSCRIPTIONS.get(publisherId);
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);
        LocalDate date = month.withDayOfMonth(day);
        Map<String, Object> body = Map.of("subscriptionId", subscription[0], "customerName", subscription[1],
                "amount", amount, "currency", subscription[2],
                "creditPeriod", Map.of("from", date.toString(), "to", date.toString()),
                "billingDate", month.plusMonths(1).toString(),
                "reason", Map.of("code", "service-outage", "description", "A day of outage"));
        return desk.asAdminOf(publisherId).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post(desk.url("request-intake") + "/v1/publishers/" + publisherId + "/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }
}
