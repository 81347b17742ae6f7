package com.publisherdesk.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Builds credit request bodies for tests, valid unless told otherwise, each for a subscription of its own. */
final class CreditRequests {

    private final Map<String, Object> body = new HashMap<>();

    private CreditRequests() {
        LocalDate month = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        body.put("subscriptionId", "sub-" + java.util.UUID.randomUUID());
        body.put("customerName", "Alpine Bakery SARL");
        body.put("amount", "120.00");
        body.put("currency", "EUR");
        body.put("creditPeriod", Map.of("from", month.toString(), "to", month.plusMonths(1).minusDays(1).toString()));
        body.put("billingDate", month.plusMonths(1).toString());
        body.put("reason", Map.of("code", "service-outage", "description", "Four days of outage."));
    }

    static CreditRequests valid() {
        return new CreditRequests();
    }

    CreditRequests with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    CreditRequests without(String field) {
        body.remove(field);
        return this;
    }

    Map<String, Object> body() {
        return body;
    }
}
