package com.publisherdesk.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.notification.Email;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operators see the emails a request is owed and where each stands. */
@Path("/v1/operator/emails")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    @GET
    @Transactional
    @Operation(summary = "The emails of a request: kind, status, Message-ID, attempts, last error")
    public List<EmailView> ofRequest(@QueryParam("requestId") @NotNull UUID requestId) {
        return Email.ofRequest(requestId).stream().map(EmailView::of).toList();
    }

    /**
     * One email.
     *
     * @param kind      acknowledgement or result
     * @param status    pending, sending, sent or failed
     * @param messageId its Message-ID
     * @param attempts  how many sends were tried
     * @param lastError the last failure, if any
     * @param sentAt    when the mail server accepted it
     */
    public record EmailView(String kind, String status, String messageId, int attempts, String lastError,
            Instant sentAt) {

        static EmailView of(Email email) {
            return new EmailView(email.kind.wire(), email.status.name().toLowerCase(), email.messageId,
                    email.attempts, email.lastError, email.sentAt);
        }
    }
}
