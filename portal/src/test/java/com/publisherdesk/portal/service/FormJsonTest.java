package com.publisherdesk.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.common.util.MultivaluedTreeMap;
import org.junit.jupiter.api.Test;

class FormJsonTest {

    @Test
    void shouldNestDottedFieldsAsTheApiBodyAndLeaveEmptyOnesOut() {
        MultivaluedTreeMap<String, String> form = new MultivaluedTreeMap<>();
        form.add("subscriptionId", "sub-1001");
        form.add("creditPeriod.from", "2026-10-01");
        form.add("creditPeriod.to", "2026-10-31");
        form.add("reason.description", "");
        form.add("idempotencyKey", "k");

        Map<String, Object> body = FormJson.body(FormJson.values(form, Set.of("idempotencyKey")));

        assertEquals(Map.of("subscriptionId", "sub-1001", "creditPeriod", Map.of("from", "2026-10-01",
                "to", "2026-10-31")), body);
    }

    @Test
    void shouldPlaceAnErrorOnAnEmptyGroupBesideItsFirstField() {
        Map<String, String> placed = FormJson.besideFields(Map.of("creditPeriod", "must not be null",
                "amount", "must be a decimal string"), java.util.List.of("amount", "creditPeriod.from",
                        "creditPeriod.to"));

        assertEquals("must not be null", placed.get("creditPeriod.from"));
        assertEquals("must be a decimal string", placed.get("amount"));
        assertEquals(null, placed.get("creditPeriod.to"));
    }
}
