package com.publisherdesk.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.publisherdesk.billing.Charge;
import com.publisherdesk.billing.ChargeBalance;
import com.publisherdesk.billing.CreditDecision;
import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.policy.CreditFacts;
import com.publisherdesk.billing.api.CreditNoteView;

/**
 * A request in review with what an agent needs to decide it.
 *
 * @param request           the request as the queue lists it
 * @param billingDate       the billing date of the credit period
 * @param submittedAt       when the publisher filed it
 * @param submittedBy       the administrator who filed it (an email address)
 * @param authorizedBy      who authorized the desk to issue the credit on the publisher's behalf, if anyone did
 * @param subscriptionCheck the subscription verdict: {@code confirmed} or {@code not-confirmed}
 * @param ruling            what the policy decided and on which facts
 * @param charges           the ledger's charges of the subscription over the credit period
 * @param creditNotes       the credit notes already issued for the subscription over those charges' periods
 * @param creditableNow     what is left to credit on the charge of the period now (billed, less the credit notes
 *                          issued and the approvals waiting for authorization), which an approval may not exceed;
 *                          absent when no charge covers the period
 */
public record ReviewEvidence(ReviewItem request, LocalDate billingDate, Instant submittedAt, String submittedBy,
        String authorizedBy, String subscriptionCheck, RulingView ruling, List<ChargeView> charges,
        List<CreditNoteView> creditNotes, BigDecimal creditableNow) {

    /**
     * The evidence on {@code request}: its policy decision, the charges and credit notes over its period, and what is
     * left to credit now.
     */
    public static ReviewEvidence of(CreditRequest request, CreditDecision decision, List<Charge> charges,
            List<CreditNote> creditNotes, Optional<ChargeBalance> balance) {
        return new ReviewEvidence(ReviewItem.of(request, decision.ruleId), request.billingDate, request.submittedAt,
                request.submittedBy, request.authorizedBy, request.verdict, RulingView.of(decision),
                charges.stream().map(ChargeView::of).toList(), creditNotes.stream().map(CreditNoteView::of).toList(),
                balance.map(ChargeBalance::creditable).orElse(null));
    }

    /**
     * The policy's ruling that sent the request to review.
     *
     * @param ruleId        the rule that fired
     * @param explanation   the rule in English words
     * @param explanations  the rule in words by language
     * @param policyVersion the policy version (a content hash)
     * @param decidedAt     when the policy decided
     * @param facts         what the policy saw; absent for decisions recorded before the facts were kept
     */
    public record RulingView(String ruleId, String explanation, Map<String, String> explanations,
            String policyVersion, Instant decidedAt, CreditFacts facts) {

        static RulingView of(CreditDecision decision) {
            var ruling = decision.ruling();
            return new RulingView(ruling.ruleId(), ruling.explanation(), ruling.explanations(),
                    ruling.policyVersion(), decision.decidedAt, decision.factsSeen());
        }
    }

    /**
     * What the subscription was charged for one billing period.
     *
     * @param periodFrom  the first day of the period
     * @param periodTo    the last day of the period
     * @param billingDate when it was billed
     * @param amount      the amount billed
     * @param currency    ISO 4217 code
     */
    public record ChargeView(LocalDate periodFrom, LocalDate periodTo, LocalDate billingDate, BigDecimal amount,
            String currency) {

        static ChargeView of(Charge charge) {
            return new ChargeView(charge.periodFrom, charge.periodTo, charge.billingDate, charge.amount,
                    charge.currency);
        }
    }
}
