package com.publisherdesk.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads requests as their publisher sees them. */
@ApplicationScoped
@Transactional
public class RequestQueries {

    private final ObjectMapper json;
    private final Clock clock;

    public RequestQueries(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** One request of this publisher, with its timeline; another publisher's request is not found. */
    public Found find(String publisherId, UUID requestId) {
        return found(DeskRequest.ofPublisher(publisherId, requestId)
                .orElseThrow(() -> ProblemException.notFound("Request")));
    }

    /** Any publisher's request, as the desk's staff read it: each step a person took names them. */
    public Found findForStaff(UUID requestId) {
        return found(DeskRequest.<DeskRequest>findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("Request")));
    }

    private Found found(DeskRequest request) {
        return new Found(request, details(request), TimelineEntry.of(request.id), Instant.now(clock));
    }

    private JsonNode details(DeskRequest request) {
        try {
            return json.readTree(request.details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored details are always JSON", e);
        }
    }

    /**
     * A request as read, with its timeline.
     *
     * @param request  the request
     * @param details  its fields as filed
     * @param timeline what happened, oldest first
     * @param readAt   when it was read: the acknowledgement clock is told against this moment
     */
    public record Found(DeskRequest request, JsonNode details, List<TimelineEntry> timeline, Instant readAt) {
    }
}
