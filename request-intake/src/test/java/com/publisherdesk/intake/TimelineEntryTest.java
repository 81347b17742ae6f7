package com.publisherdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A timeline's steps, written with plain inserts beside the request Hibernate writes at the end of a transaction. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class TimelineEntryTest {

    @Test
    void shouldKeepTheStepsOfARequestFiledInTheSameTransactionInTheOrderTheyWereRecorded() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String publisherId = Accounts.create("en").id();
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            DeskRequest request = newRequest(publisherId, at);
            request.persist();
            TimelineEntry.record(request.id, at, "submitted", "The desk received the request.", "test");
            TimelineEntry.record(request.id, at, "routed", "Routed.", "test");
            TimelineEntry.record(request.id, at.minusMillis(1), "earlier", "Happened before.", "test", "agent");
            request.advanceTo(RequestStatus.ROUTED);
            return request.id;
        });

        List<TimelineEntry> timeline = QuarkusTransaction.requiringNew().call(() -> TimelineEntry.of(id));
        assertEquals(List.of("earlier", "submitted", "routed"), timeline.stream().map(step -> step.step).toList());
        assertEquals(at, timeline.get(1).at);
        assertEquals("agent", timeline.get(0).actor);
        assertEquals(RequestStatus.ROUTED, QuarkusTransaction.requiringNew()
                .call(() -> DeskRequest.<DeskRequest>findById(id).status));
    }

    @Test
    void shouldRefuseAStepAboutARequestThatDoesNotExist() {
        UUID unknown = UUID.randomUUID();

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> TimelineEntry
                .record(unknown, Instant.now(), "submitted", "The desk received the request.", "test")));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> TimelineEntry.of(unknown)));
    }

    private static DeskRequest newRequest(String publisherId, Instant at) {
        DeskRequest request = new DeskRequest();
        request.id = UUID.randomUUID();
        request.publisherId = publisherId;
        request.type = RequestTypes.SUPPORT;
        request.status = RequestStatus.SUBMITTED;
        request.submittedAt = at;
        request.acknowledgementDueBy = at.plus(Duration.ofDays(1));
        request.details = "{}";
        return request;
    }
}
