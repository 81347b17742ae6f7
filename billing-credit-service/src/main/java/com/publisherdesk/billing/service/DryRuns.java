package com.publisherdesk.billing.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.CreditStatus;
import com.publisherdesk.billing.client.ValidationClient;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.PolicyRuling;
import com.publisherdesk.kit.access.Caller;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides a draft credit request the way a filed one would be decided: the subscription checked by the validation
 * service, the facts read from the ledger, the policy in force. Nothing is stored or published.
 */
@ApplicationScoped
public class DryRuns {

    private static final Logger LOG = Logger.getLogger(DryRuns.class);

    private final ValidationClient validation;
    private final CreditDecisions decisions;
    private final CreditPolicy policy;

    public DryRuns(@RestClient ValidationClient validation, CreditDecisions decisions, CreditPolicy policy) {
        this.validation = validation;
        this.decisions = decisions;
        this.policy = policy;
    }

    /** The rule that would fire for {@code draft} if {@code publisherId} filed it now. */
    @Transactional
    public PolicyRuling decide(String publisherId, Caller caller, Draft draft) {
        CreditRequest request = new CreditRequest();
        request.requestId = UUID.randomUUID();
        request.publisherId = publisherId;
        request.subscriptionId = draft.subscriptionId();
        request.customerName = draft.customerName();
        request.amount = draft.amount();
        request.currency = draft.currency();
        request.periodFrom = draft.periodFrom();
        request.periodTo = draft.periodTo();
        request.billingDate = draft.billingDate();
        request.reasonCode = draft.reasonCode();
        request.status = CreditStatus.PENDING;
        request.verdict = confirmed(publisherId, caller, draft) ? "confirmed" : "not-confirmed";
        return policy.decide(decisions.factsOf(request));
    }

    private boolean confirmed(String publisherId, Caller caller, Draft draft) {
        try {
            return validation.check(publisherId, "Bearer " + caller.token(),
                    new ValidationClient.Question(draft.subscriptionId(), draft.customerName())).confirmed();
        } catch (RuntimeException e) {
            LOG.warnf("Dry run: the validation service did not answer: %s", e.toString());
            throw ProblemException.unavailable("validation-unavailable", "The subscription cannot be checked right "
                    + "now; try again shortly.", 5);
        }
    }

    /**
     * A draft credit request: the fields of a filed one.
     *
     * @param subscriptionId the customer's subscription
     * @param customerName   the customer's name
     * @param amount         the amount asked for
     * @param currency       ISO 4217 code
     * @param periodFrom     the first day of the credit period
     * @param periodTo       the last day of the credit period
     * @param billingDate    the billing date of that period
     * @param reasonCode     the reason code, if the policy looks at it
     */
    public record Draft(String subscriptionId, String customerName, BigDecimal amount, String currency,
            LocalDate periodFrom, LocalDate periodTo, LocalDate billingDate, String reasonCode) {
    }
}
