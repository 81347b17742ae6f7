package com.publisherdesk.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.ProfileChangeDetails;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.intake.AuditEntry;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.intake.config.AcknowledgementConfig;
import com.publisherdesk.kit.logging.LogContext;
import com.publisherdesk.kit.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Files a change already applied to a publisher's account as a completed desk request: on its audit trail, with a
 * timeline, and published as {@code RequestSubmitted} in the transaction of the change (the acknowledgement email
 * follows from it).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class AccountChangeRequests {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Duration acknowledgementWindow;

    public AccountChangeRequests(Outbox outbox, ObjectMapper json,
            AcknowledgementConfig acknowledgement) {
        this.outbox = outbox;
        this.json = json;
        this.acknowledgementWindow = acknowledgement.window();
    }

    /** Files a profile change; {@code alsoTell} are told besides the usual recipients (a replaced contact). */
    public DeskRequest profileChanged(Publisher publisher, String actor, Instant at, List<FieldChange> changes,
            Collection<String> alsoTell) {
        ProfileChangeDetails details = new ProfileChangeDetails(changes);
        DeskRequest request = store(publisher, actor, at, RequestTypes.PROFILE_CHANGE, details, "Applied at once: "
                + changes.stream().map(AccountChangeRequests::describe).collect(Collectors.joining("; ")) + ".");
        changes.forEach(change -> AuditEntry.record(publisher.id, at, actor, change.field(), change.oldValue(),
                change.newValue(), request.id));
        publish(request, publisher, alsoTell, new RequestDetails.ProfileChange(details));
        return request;
    }

    /**
     * Files a co-administrator change; {@code alsoTell} are told besides the usual recipients (the one removed), and
     * {@code warning}, when there is one, goes on the audit trail with it.
     */
    public DeskRequest adminChanged(Publisher publisher, String actor, Instant at, AdminChangeDetails details,
            Collection<String> alsoTell, String warning) {
        boolean added = AdminChangeDetails.ADDED.equals(details.action());
        DeskRequest request = store(publisher, actor, at, RequestTypes.ADMIN_CHANGE, details, "Applied at once: "
                + details.email() + (added ? " added as" : " removed from the") + " administrator"
                + (added ? "" : "s") + " of the account.");
        AuditEntry.record(publisher.id, at, actor, AuditEntry.ADMINISTRATOR, added ? null : details.email(),
                added ? details.email() : null, request.id).warning = warning;
        publish(request, publisher, alsoTell, new RequestDetails.AdminChange(details));
        return request;
    }

    private DeskRequest store(Publisher publisher, String actor, Instant at, String type, Object details,
            String applied) {
        DeskRequest request = new DeskRequest();
        request.id = UUID.randomUUID();
        LogContext.noteRequestId(request.id.toString());
        request.publisherId = publisher.id;
        request.type = type;
        request.status = RequestStatus.COMPLETED;
        request.submittedAt = at;
        request.acknowledgementDueBy = at.plus(acknowledgementWindow);
        request.submittedBy = actor;
        request.details = toJson(details);
        request.persist();
        TimelineEntry.record(request.id, at, "submitted", "The desk received the request.", "API call by " + actor);
        TimelineEntry.record(request.id, at, "applied", applied, "API call by " + actor);
        return request;
    }

    private void publish(DeskRequest request, Publisher publisher, Collection<String> alsoTell,
            RequestDetails details) {
        outbox.publish(Events.REQUEST_SUBMITTED, request.id.toString(), new RequestSubmitted(request.id.toString(),
                publisher.id, request.submittedAt, request.acknowledgementDueBy, request.submittedBy,
                publisher.recipients(alsoTell), details));
    }

    private static String describe(FieldChange change) {
        return change.field() + " " + (change.oldValue() == null ? "(none)" : change.oldValue()) + " → "
                + (change.newValue() == null ? "(none)" : change.newValue());
    }

    private String toJson(Object details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Change details are always writable", e);
        }
    }
}
