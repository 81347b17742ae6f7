package com.publisherdesk.billing.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.publisherdesk.billing.api.DraftCredit;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.PolicyRuling;
import com.publisherdesk.billing.service.DryRuns;
import com.publisherdesk.billing.service.DryRuns.Draft;
import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The written credit policy, and what it would decide for a draft request. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final CreditPolicy policy;
    private final DryRuns dryRuns;
    private final CurrentCaller caller;

    public PolicyResource(CreditPolicy policy, DryRuns dryRuns, CurrentCaller caller) {
        this.policy = policy;
        this.dryRuns = dryRuns;
        this.caller = caller;
    }

    @GET
    @Path("/credit-policy")
    @Operation(operationId = "getCreditPolicy",
            summary = "The credit policy in force: its version and its rules in order, the default last")
    public PolicyView policy() {
        return new PolicyView(policy.version(), policy.rules().stream().map(RuleView::of).toList());
    }

    @POST
    @Path("/publishers/{publisherId}/credit-policy/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The rule that would fire, and why", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "503", description = "`validation-unavailable`: the subscription cannot be checked "
            + "right now; or `busy` (load shedding). Nothing was stored; try again after Retry-After")
    @Operation(operationId = "dryRunCreditPolicy",
            summary = "What the policy would decide for a draft credit request, without filing anything",
            description = "Checks the subscription as filing would and evaluates the policy against the ledger as it "
                    + "stands; nothing is stored, published or emailed.")
    public RuleView dryRun(@PathParam("publisherId") @Size(max = 64) String publisherId,
            @NotNull @Valid DraftCredit draft) {
        return RuleView.of(dryRuns.decide(publisherId, caller.get(), new Draft(draft.subscriptionId(),
                draft.customerName(), new BigDecimal(draft.amount()), draft.currency(), draft.creditPeriod().from(),
                draft.creditPeriod().to(), draft.billingDate(), draft.reasonCode())));
    }

    /**
     * The policy in force.
     *
     * @param version its content hash, recorded with every decision
     * @param rules   its rules in order, the default last
     */
    public record PolicyView(String version, List<RuleView> rules) {
    }

    /**
     * A rule, or the rule that would fire.
     *
     * @param ruleId        its id
     * @param outcome       approved, denied or review
     * @param explanation   its words in English
     * @param explanations  its words by language
     * @param policyVersion the policy version
     */
    public record RuleView(String ruleId, String outcome, String explanation, Map<String, String> explanations,
            String policyVersion) {

        static RuleView of(PolicyRuling ruling) {
            return new RuleView(ruling.ruleId(), ruling.outcome().wire(), ruling.explanation(),
                    ruling.explanations(), ruling.version());
        }
    }
}
