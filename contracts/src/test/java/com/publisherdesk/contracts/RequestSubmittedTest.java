package com.publisherdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A submitted request carries the details of its kind: read from the field its type names, or not read at all. */
class RequestSubmittedTest {

    private final ObjectMapper mapper = EventJson.mapper();

    @Test
    void shouldReadTheDetailsOfTheKindItsTypeNames() throws Exception {
        ObjectNode wire = mapper.valueToTree(SampleEvents.requestSubmitted());
        RequestSubmitted read = mapper.treeToValue(wire, RequestSubmitted.class);
        assertEquals(RequestTypes.CREDIT, read.type());
        RequestDetails.Credit credit = assertInstanceOf(RequestDetails.Credit.class, read.details());
        assertEquals(wire.path("credit").path("amount").asText(), credit.request().amount().toPlainString());
    }

    @Test
    void shouldRefuseATypeWithoutItsDetails() {
        ObjectNode wire = mapper.valueToTree(SampleEvents.requestSubmitted());
        wire.remove("credit");
        assertThrows(JsonProcessingException.class, () -> mapper.treeToValue(wire, RequestSubmitted.class));
    }

    @Test
    void shouldRefuseATypeItDoesNotKnow() {
        ObjectNode wire = mapper.valueToTree(SampleEvents.requestSubmitted());
        wire.put("type", "refund-everything");
        assertThrows(JsonProcessingException.class, () -> mapper.treeToValue(wire, RequestSubmitted.class));
    }

    @Test
    void shouldWriteOnlyTheFieldOfItsKind() {
        RequestSubmitted submitted = SampleEvents.requestSubmitted();
        ObjectNode wire = mapper.valueToTree(new RequestSubmitted(submitted.requestId(), submitted.publisherId(),
                submitted.submittedAt(), submitted.acknowledgementDueBy(), submitted.submittedBy(),
                submitted.recipients(), new RequestDetails.AdminChange(new AdminChangeDetails(
                        AdminChangeDetails.ADDED, "ops@example.com"))));
        assertEquals(RequestTypes.ADMIN_CHANGE, wire.path("type").asText());
        assertEquals("ops@example.com", wire.path("adminChange").path("email").asText());
        assertEquals(false, wire.has("credit"));
        assertEquals(false, wire.has("details"));
    }
}
