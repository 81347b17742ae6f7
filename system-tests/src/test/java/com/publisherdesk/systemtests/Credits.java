package com.publisherdesk.systemtests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * Files small credit requests, each for one day of a billed month, on demo subscriptions no other system test credits
 * (Contoso's {@code sub-1002} for Northwind, Tailspin's {@code sub-2002} for Lumière): days never overlap, so each is
 * approved under the shipped policy whatever ran before.
 */
final class Credits {

    private static final Map<String, String[]> SUBSCRIPTIONS = Map.of(
            "northwind", new String[] { "sub-1002", "Contoso Pharmacy", "USD" },
            "lumiere", new String[] { "sub-2002", "Tailspin Toys Ltd", "GBP" });

    private Credits() {
    }

    /**
     * Files a credit of {@code amount} for one day of the month {@code monthsBack} months ago (at most 3, the policy
     * denying billing dates over 90 days old; 2 is always safe); returns its request id.
     */
    static String file(RunningDesk desk, String publisherId, int monthsBack, int day, String amount) {
        String[] subscription = SUBSCRIPTIONS.get(publisherId);
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(monthsBack);
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
