package com.publisherdesk.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.publisherdesk.billing.policy.CreditFacts;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.PolicyOutcome;
import com.publisherdesk.billing.policy.PolicyRuling;

class CreditPolicyTest {

    private final CreditPolicy policy = new CreditPolicy(new BigDecimal("500.00"), Duration.ofDays(90));

    @Test
    void shouldApproveAnAmountWithinWhatWasBilledAndUnderTheThreshold() {
        assertRuling(PolicyOutcome.APPROVED, "approve", facts());
    }

    @Test
    void shouldDenyWhenTheSubscriptionIsNotConfirmedWhateverElseHolds() {
        assertRuling(PolicyOutcome.DENIED, "deny-subscription-not-confirmed",
                new CreditFacts(false, true, true, amount("10"), amount("240"), 20, false));
    }

    @Test
    void shouldDenyWhenNothingWasBilledForThePeriod() {
        assertRuling(PolicyOutcome.DENIED, "deny-nothing-billed",
                new CreditFacts(true, false, false, amount("10"), BigDecimal.ZERO, 20, false));
    }

    @Test
    void shouldDenyWhenTheCurrencyDiffersFromTheCharge() {
        assertRuling(PolicyOutcome.DENIED, "deny-nothing-billed",
                new CreditFacts(true, true, false, amount("10"), amount("240"), 20, false));
    }

    @Test
    void shouldDenyAnAmountAboveWhatIsLeftToCredit() {
        assertRuling(PolicyOutcome.DENIED, "deny-above-billed",
                new CreditFacts(true, true, true, amount("240.01"), amount("240.00"), 20, false));
    }

    @Test
    void shouldDenyABillingDateOlderThanNinetyDays() {
        assertRuling(PolicyOutcome.DENIED, "deny-billing-date-too-old",
                new CreditFacts(true, true, true, amount("10"), amount("240"), 91, false));
        assertRuling(PolicyOutcome.APPROVED, "approve",
                new CreditFacts(true, true, true, amount("10"), amount("240"), 90, false));
    }

    @Test
    void shouldDenyACreditOverlappingAnotherOne() {
        assertRuling(PolicyOutcome.DENIED, "deny-overlapping-credit",
                new CreditFacts(true, true, true, amount("10"), amount("240"), 20, true));
    }

    @Test
    void shouldSendAnAmountAboveTheThresholdToReview() {
        assertRuling(PolicyOutcome.REVIEW, "review-above-threshold",
                new CreditFacts(true, true, true, amount("500.01"), amount("1200"), 20, false));
        assertRuling(PolicyOutcome.APPROVED, "approve",
                new CreditFacts(true, true, true, amount("500.00"), amount("1200"), 20, false));
    }

    @Test
    void shouldVersionThePolicyByItsContent() {
        CreditPolicy stricter = new CreditPolicy(new BigDecimal("100.00"), Duration.ofDays(90));
        assertEquals(policy.version(), new CreditPolicy(new BigDecimal("500.00"), Duration.ofDays(90)).version());
        assertNotEquals(policy.version(), stricter.version());
    }

    private void assertRuling(PolicyOutcome outcome, String ruleId, CreditFacts facts) {
        PolicyRuling ruling = policy.decide(facts);
        assertEquals(outcome, ruling.outcome());
        assertEquals(ruleId, ruling.ruleId());
        assertEquals(policy.version(), ruling.version());
    }

    private static CreditFacts facts() {
        return new CreditFacts(true, true, true, amount("120.00"), amount("240.00"), 20, false);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
