package com.publisherdesk.billing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.billing.Charge;
import com.publisherdesk.billing.ChargeBalance;
import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.policy.CreditFacts;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.LedgerGuard;
import com.publisherdesk.billing.policy.PolicyOutcome;
import com.publisherdesk.billing.policy.PolicyRuling;

/** What the policy is told about a credit request, and the ledger's guard over its approval, under a fixed clock. */
class CreditDecisionsTest {

    /** Late in the evening of 15 March in UTC: already 16 March east of Greenwich. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T23:30:00Z"), ZoneOffset.ofHours(2));

    private final CreditDecisions decisions = new CreditDecisions(new CreditPolicy(Optional.empty()), null, CLOCK);

    @Test
    void theChargesBillingDateCountsAndItsAgeIsInDaysToTodayInUtc() {
        CreditRequest request = request("120.00", "EUR", LocalDate.parse("2026-02-28"));
        ChargeBalance balance = new ChargeBalance(charge("240.00", "EUR", LocalDate.parse("2026-03-01")),
                new BigDecimal("100.00"), new BigDecimal("20.00"));

        CreditFacts facts = decisions.factsOf(request, Optional.of(balance), false);

        assertEquals(14, facts.billingDateAgeDays());
        assertFalse(facts.billingDateMatches());
        assertTrue(facts.billedForPeriod());
        assertTrue(facts.sameCurrency());
        assertEquals(new BigDecimal("120.00"), facts.creditable());
        assertTrue(facts.subscriptionConfirmed());
    }

    @Test
    void withoutAChargeNothingIsCreditableAndThePublishersBillingDateIsAged() {
        CreditRequest request = request("120.00", "EUR", LocalDate.parse("2026-01-15"));

        CreditFacts facts = decisions.factsOf(request, Optional.empty(), true);

        assertEquals(59, facts.billingDateAgeDays());
        assertFalse(facts.billedForPeriod());
        assertFalse(facts.sameCurrency());
        assertFalse(facts.billingDateMatches());
        assertEquals(BigDecimal.ZERO, facts.creditable());
        assertTrue(facts.overlapsAnotherCredit());
    }

    @Test
    void anApprovalOfMoreThanIsLeftToCreditBecomesTheLedgersDenial() {
        PolicyRuling approval = new PolicyRuling(PolicyOutcome.APPROVED, "approve-small-outage", Map.of("en", "Ok"),
                "sha256:test");
        CreditRequest request = request("120.00", "EUR", LocalDate.parse("2026-03-01"));
        ChargeBalance balance = new ChargeBalance(charge("240.00", "EUR", LocalDate.parse("2026-03-01")),
                new BigDecimal("200.00"), BigDecimal.ZERO);

        PolicyRuling ruling = decisions.guarded(approval, decisions.factsOf(request, Optional.of(balance), false));

        assertEquals(PolicyOutcome.DENIED, ruling.outcome());
        assertEquals(LedgerGuard.EXCEEDS_CREDITABLE, ruling.ruleId());
    }

    @Test
    void anApprovalWithinWhatIsLeftStandsAsThePolicyRuledIt() {
        PolicyRuling approval = new PolicyRuling(PolicyOutcome.APPROVED, "approve-small-outage", Map.of("en", "Ok"),
                "sha256:test");
        CreditRequest request = request("120.00", "EUR", LocalDate.parse("2026-03-01"));
        ChargeBalance balance = new ChargeBalance(charge("240.00", "EUR", LocalDate.parse("2026-03-01")),
                new BigDecimal("120.00"), BigDecimal.ZERO);

        assertSame(approval, decisions.guarded(approval, decisions.factsOf(request, Optional.of(balance), false)));
    }

    private static CreditRequest request(String amount, String currency, LocalDate billingDate) {
        CreditRequest request = new CreditRequest();
        request.requestId = UUID.randomUUID();
        request.subscriptionId = "sub-1001";
        request.amount = new BigDecimal(amount);
        request.currency = currency;
        request.periodFrom = LocalDate.parse("2026-02-01");
        request.periodTo = LocalDate.parse("2026-02-28");
        request.billingDate = billingDate;
        request.verdict = "confirmed";
        request.reasonCode = "service-outage";
        return request;
    }

    private static Charge charge(String amount, String currency, LocalDate billingDate) {
        Charge charge = new Charge();
        charge.subscriptionId = "sub-1001";
        charge.periodFrom = LocalDate.parse("2026-02-01");
        charge.periodTo = LocalDate.parse("2026-02-28");
        charge.billingDate = billingDate;
        charge.amount = new BigDecimal(amount);
        charge.currency = currency;
        return charge;
    }
}
