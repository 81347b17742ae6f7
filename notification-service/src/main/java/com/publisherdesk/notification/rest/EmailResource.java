package com.publisherdesk.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.kit.problem.ProblemException;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailStatus;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operators see the emails a request is owed and where each stands. */
@Path("/v1/operator/emails")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    private static final int STATE_PAGE = 200;

    @GET
    @Transactional
    @Operation(operationId = "listEmails", summary = "The emails of a request, or the emails in one state (oldest "
            + "first, at most 200): kind, status, Message-ID, attempts, last error",
            description = "Give requestId or state.")
    public List<EmailView> list(@QueryParam("requestId") UUID requestId,
            @Parameter(description = "pending, sending, sent or failed") @QueryParam("state") @Size(max = 7)
            @Pattern(regexp = "pending|sending|sent|failed", message = "must be pending, sending, sent or failed")
            @Schema(enumeration = { "pending", "sending", "sent", "failed" }) String state) {
        if (requestId != null) {
            return Email.ofRequest(requestId).stream().map(EmailView::of).toList();
        }
        if (state == null) {
            throw new ProblemException(400, "invalid-request", "The request is not valid",
                    "Give the query parameter requestId or state.");
        }
        return Email.inState(EmailStatus.valueOf(state.toUpperCase(Locale.ROOT)), STATE_PAGE).stream()
                .map(EmailView::of).toList();
    }

    /**
     * One email.
     *
     * @param requestId the request it is about
     * @param kind      acknowledgement or result
     * @param status    pending, sending, sent or failed
     * @param messageId its Message-ID
     * @param attempts  how many sends were tried
     * @param lastError the last failure, if any
     * @param sentAt    when the mail server accepted it
     */
    public record EmailView(UUID requestId, String kind, String status, String messageId, int attempts,
            String lastError, Instant sentAt) {

        static EmailView of(Email email) {
            return new EmailView(email.requestId, email.kind.wire(), email.status.name().toLowerCase(),
                    email.messageId, email.attempts, email.lastError, email.sentAt);
        }
    }
}
