package com.publisherdesk.intake.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.TimelineEntry;

/**
 * A request as its publisher reads it (or as the desk's staff read it: then each step also names who acted).
 *
 * @param requestId       its id
 * @param publisherId     its publisher
 * @param type            what kind of request
 * @param status          where it stands
 * @param submittedAt     when the desk accepted it
 * @param acknowledgement the 24-hour acknowledgement clock
 * @param details         the fields as filed
 * @param timeline        what happened, oldest first
 */
public record RequestView(UUID requestId, String publisherId, String type, String status, Instant submittedAt,
        AcknowledgementView acknowledgement, JsonNode details, List<Step> timeline) {

    /**
     * The request as its publisher reads it at {@code now}: the timeline says "a support agent", never who.
     */
    public static RequestView of(DeskRequest request, JsonNode details, List<TimelineEntry> timeline, Instant now) {
        return of(request, details, timeline, now, false);
    }

    /** The request as the desk's staff read it at {@code now}: each step a person took names them. */
    public static RequestView forStaff(DeskRequest request, JsonNode details, List<TimelineEntry> timeline,
            Instant now) {
        return of(request, details, timeline, now, true);
    }

    private static RequestView of(DeskRequest request, JsonNode details, List<TimelineEntry> timeline, Instant now,
            boolean staff) {
        return new RequestView(request.id, request.publisherId, request.type, request.status.wire(),
                request.submittedAt, AcknowledgementView.of(request, now), details,
                timeline.stream().map(entry -> Step.of(entry, staff)).toList());
    }

    /**
     * The acknowledgement clock.
     *
     * @param dueBy  the deadline
     * @param sentAt when the acknowledgement went out, if it did
     * @param state  {@code pending}, {@code overdue}, {@code met} or {@code late}
     */
    public record AcknowledgementView(Instant dueBy, Instant sentAt, String state) {

        static AcknowledgementView of(DeskRequest request, Instant now) {
            String state;
            if (request.acknowledgedAt == null) {
                state = now.isAfter(request.acknowledgementDueBy) ? "overdue" : "pending";
            } else {
                state = request.acknowledgedAt.isAfter(request.acknowledgementDueBy) ? "late" : "met";
            }
            return new AcknowledgementView(request.acknowledgementDueBy, request.acknowledgedAt, state);
        }
    }

    /**
     * One step of the timeline.
     *
     * @param at          when it happened
     * @param step        a stable name for the step
     * @param description what happened, in words
     * @param cause       what caused it (rule and policy version, email Message-ID, "a support agent", ...)
     * @param actor       who on the desk's staff took the step (a support agent's address); shown to the desk's
     *                    staff only, absent for publishers
     */
    public record Step(Instant at, String step, String description, String cause,
            @JsonInclude(JsonInclude.Include.NON_NULL) String actor) {

        static Step of(TimelineEntry entry, boolean staff) {
            return new Step(entry.at, entry.step, entry.description, entry.cause, staff ? entry.actor : null);
        }
    }
}
