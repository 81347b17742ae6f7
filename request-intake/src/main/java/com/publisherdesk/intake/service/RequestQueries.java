package com.publisherdesk.intake.service;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.intake.api.RequestView;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads requests as their publisher sees them. */
@ApplicationScoped
@Transactional
public class RequestQueries {

    private final ObjectMapper json;

    public RequestQueries(ObjectMapper json) {
        this.json = json;
    }

    /** One request of this publisher, with its timeline; another publisher's request is not found. */
    public RequestView find(String publisherId, UUID requestId) {
        DeskRequest request = DeskRequest.ofPublisher(publisherId, requestId)
                .orElseThrow(() -> ProblemException.notFound("Request"));
        return RequestView.of(request, details(request), TimelineEntry.of(request.id));
    }

    /** Any publisher's request, as the desk's staff read it: each step a person took names them. */
    public RequestView findForStaff(UUID requestId) {
        DeskRequest request = DeskRequest.<DeskRequest>findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("Request"));
        return RequestView.forStaff(request, details(request), TimelineEntry.of(request.id));
    }

    private JsonNode details(DeskRequest request) {
        try {
            return json.readTree(request.details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored details are always JSON", e);
        }
    }
}
