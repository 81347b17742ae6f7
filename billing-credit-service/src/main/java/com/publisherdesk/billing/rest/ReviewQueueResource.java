package com.publisherdesk.billing.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.publisherdesk.billing.api.ReviewDecisionView;
import com.publisherdesk.billing.api.ReviewEvidence;
import com.publisherdesk.billing.api.ReviewItem;
import com.publisherdesk.billing.api.ReviewPage;
import com.publisherdesk.billing.service.ReviewQueue;
import com.publisherdesk.billing.service.ReviewQueue.Decided;
import com.publisherdesk.billing.service.ReviewQueue.Evidence;
import com.publisherdesk.kit.input.Paged;
import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Support agents work the manual review queue: list it, read a request's evidence, approve or deny it. */
@Path("/v1/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("support-agent")
public class ReviewQueueResource {

    private final ReviewQueue queue;
    private final CurrentCaller caller;

    public ReviewQueueResource(ReviewQueue queue, CurrentCaller caller) {
        this.queue = queue;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listReviewQueue",
            summary = "Credit requests waiting for a support agent, oldest first, a page at a time")
    public ReviewPage list(@Parameter(description = "The page size, 1 to 100") @QueryParam("limit")
            @DefaultValue("20") @Size(max = 3)
            @Pattern(regexp = "[1-9][0-9]?|100", message = "must be a whole number from 1 to 100") String limit,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        Paged<ReviewItem> page = queue.page(Integer.parseInt(limit), cursor)
                .map(waiting -> ReviewItem.of(waiting.request(), waiting.ruleId()));
        return new ReviewPage(page.items(), page.next());
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getReviewEvidence",
            summary = "A request in review with its evidence: who filed it, the policy's ruling and the facts it "
            + "saw, the ledger's charges and credit notes over the period, the subscription verdict")
    public ReviewEvidence evidence(@PathParam("requestId") UUID requestId) {
        Evidence evidence = queue.evidence(requestId);
        return ReviewEvidence.of(evidence.request(), evidence.decision(), evidence.charges(), evidence.creditNotes(),
                evidence.balance());
    }

    @POST
    @Path("/{requestId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Decided: the request goes down the approved or denied path",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewDecisionView.class)))
    @APIResponse(responseCode = "403",
            description = "`four-eyes`: the agent who filed the request may not decide it; or the token lacks "
                    + "the support-agent role")
    @APIResponse(responseCode = "409", description = "`already-decided`; or `exceeds-creditable`: an approval for "
            + "more than was billed for the period, credit notes and approvals awaiting authorization deducted")
    @Operation(operationId = "decideReview", summary = "Approve or deny a request in review, with a note saying why",
            description = "An approval issues the credit note once the publisher's authorization is on record, a "
                    + "denial invites the customer to contact the publisher; the note reaches the publisher. The "
                    + "agent who filed the request may not decide it (403 four-eyes); a decided request is 409.")
    public ReviewDecisionView decide(@PathParam("requestId") UUID requestId, @NotNull @Valid DecisionBody body) {
        Decided decided = queue.decide(requestId, caller.get(), DecisionBody.APPROVE.equals(body.outcome()),
                body.note());
        return ReviewDecisionView.of(decided.request(), decided.review(), decided.creditNote());
    }

    /**
     * A support agent's decision.
     *
     * @param outcome {@code approve} or {@code deny}
     * @param note    why, in the agent's words; the publisher reads it
     */
    public record DecisionBody(
            @NotNull @Size(max = 7) @Pattern(regexp = "approve|deny", message = "must be approve or deny")
            String outcome,
            @NotBlank @Size(max = 2000) String note) {

        static final String APPROVE = "approve";
    }
}
