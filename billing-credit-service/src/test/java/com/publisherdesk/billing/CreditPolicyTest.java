package com.publisherdesk.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.publisherdesk.billing.policy.CreditFacts;
import com.publisherdesk.billing.policy.CreditPolicy;
import com.publisherdesk.billing.policy.LedgerGuard;
import com.publisherdesk.billing.policy.PolicyOutcome;
import com.publisherdesk.billing.policy.PolicyRuling;

class CreditPolicyTest {

    private final CreditPolicy policy = new CreditPolicy(Optional.empty());

    @Test
    void shouldApproveAnAmountWithinWhatWasBilledAndUnderTheThreshold() {
        assertRuling(PolicyOutcome.APPROVED, "approve", facts());
    }

    @Test
    void shouldDenyWhenTheSubscriptionIsNotConfirmedWhateverElseHolds() {
        assertRuling(PolicyOutcome.DENIED, "deny-subscription-not-confirmed",
                eur(false, true, true, amount("10"), amount("240"), 20, false));
    }

    @Test
    void shouldDenyWhenNothingWasBilledForThePeriod() {
        assertRuling(PolicyOutcome.DENIED, "deny-nothing-billed",
                eur(true, false, false, amount("10"), BigDecimal.ZERO, 20, false));
    }

    @Test
    void shouldDenyWhenTheCurrencyDiffersFromTheCharge() {
        assertRuling(PolicyOutcome.DENIED, "deny-nothing-billed",
                eur(true, true, false, amount("10"), amount("240"), 20, false));
    }

    @Test
    void shouldDenyAnAmountAboveWhatIsLeftToCredit() {
        assertRuling(PolicyOutcome.DENIED, "deny-above-billed",
                eur(true, true, true, amount("240.01"), amount("240.00"), 20, false));
    }

    @Test
    void shouldDenyABillingDateOlderThanNinetyDays() {
        assertRuling(PolicyOutcome.DENIED, "deny-billing-date-too-old",
                eur(true, true, true, amount("10"), amount("240"), 91, false));
        assertRuling(PolicyOutcome.APPROVED, "approve",
                eur(true, true, true, amount("10"), amount("240"), 90, false));
    }

    @Test
    void shouldDenyABillingDateThatIsNotTheLedgersWhateverItsAge() {
        CreditFacts forged = new CreditFacts(true, true, true, amount("10"), "EUR", amount("240"), false, 0, false,
                "service-outage");
        assertRuling(PolicyOutcome.DENIED, "deny-billing-date-mismatch", forged);
        assertTrue(policy.decide(forged).explanations().get("fr").startsWith("La date de facturation indiquée"));
    }

    @Test
    void shouldWordTheLedgersOwnDenialInThePolicysLanguagesWithItsDenialNote() {
        PolicyRuling guard = LedgerGuard.exceedsCreditable(policy);
        assertEquals(PolicyOutcome.DENIED, guard.outcome());
        assertEquals(policy.version(), guard.version());
        assertTrue(guard.explanation().endsWith("The customer is invited to contact the publisher directly."));
        assertTrue(guard.explanations().get("fr").endsWith("contacter directement l'éditeur."));
    }

    @Test
    void shouldDenyACreditOverlappingAnotherOne() {
        assertRuling(PolicyOutcome.DENIED, "deny-overlapping-credit",
                eur(true, true, true, amount("10"), amount("240"), 20, true));
    }

    @Test
    void shouldSendAnAmountAboveTheThresholdToReview() {
        assertRuling(PolicyOutcome.REVIEW, "review-above-threshold",
                eur(true, true, true, amount("500.01"), amount("1200"), 20, false));
        assertRuling(PolicyOutcome.APPROVED, "approve",
                eur(true, true, true, amount("500.00"), amount("1200"), 20, false));
    }

    @Test
    void shouldVersionThePolicyByTheContentOfItsFile() {
        assertEquals(policy.version(), new CreditPolicy(Optional.empty()).version());
        assertNotEquals(policy.version(), new CreditPolicy(shipped().replace("\"500.00\"", "\"100.00\"")
                .getBytes(StandardCharsets.UTF_8), "stricter").version());
    }

    @Test
    void shouldExplainEveryRuleInEnglishAndFrenchAndInviteTheCustomerOnEveryDenial() {
        for (PolicyRuling rule : policy.rules()) {
            assertTrue(rule.explanations().keySet().containsAll(Set.of("en", "fr")), rule.ruleId());
            if (rule.outcome() == PolicyOutcome.DENIED) {
                assertTrue(rule.explanation().endsWith("The customer is invited to contact the publisher directly."),
                        rule.explanation());
                assertTrue(rule.explanations().get("fr").endsWith("contacter directement l'éditeur."),
                        rule.explanations().get("fr"));
            }
        }
        PolicyRuling old = policy.decide(eur(true, true, true, amount("10"), amount("240"), 91,false));
        assertEquals("The billing date is more than 90 days old. The customer is invited to contact the publisher "
                + "directly.", old.explanation());
    }

    @Test
    void shouldCompareAmountsExactlyInMinorUnitsOfTheirCurrency() {
        assertEquals(50001, CreditPolicy.minorUnits(amount("500.01"), "EUR"));
        assertEquals(500, CreditPolicy.minorUnits(amount("500"), "JPY"));
        assertEquals(1234567, CreditPolicy.minorUnits(amount("1234.567"), "BHD"));
        assertRuling(PolicyOutcome.REVIEW, "review-above-threshold", new CreditFacts(true, true, true,
                amount("501"), "JPY", amount("1200"), true, 20, false, "service-outage"));
    }

    @Test
    void shouldDecideUnderAPolicyFileOfTheOperatorsOwn() {
        CreditPolicy own = new CreditPolicy(("""
                parameters:
                  smallAmount: "25.00"
                rules:
                  - id: approve-small-accidental-purchase
                    when: "reason == 'accidental-purchase' && subscriptionConfirmed && amount <= smallAmount"
                    outcome: approved
                    explanation: {en: "Small accidental purchases are refunded."}
                default:
                  id: review-everything-else
                  outcome: review
                  explanation: {en: "A support agent decides."}
                """).getBytes(StandardCharsets.UTF_8), "own");
        assertEquals("approve-small-accidental-purchase", own.decide(new CreditFacts(true, false, false,
                amount("25.00"), "EUR", BigDecimal.ZERO, true, 3, false, "accidental-purchase")).ruleId());
        assertEquals("review-everything-else", own.decide(new CreditFacts(true, false, false,
                amount("25.01"), "EUR", BigDecimal.ZERO, true, 3, false, "accidental-purchase")).ruleId());
        assertEquals(Map.of("en", "A support agent decides."), own.decide(new CreditFacts(true, true, true,
                amount("1"), "EUR", amount("10"), true, 3, false, "other")).explanations());
    }

    @Test
    void shouldRefuseToStartOnAPolicyThatIsNotValid() {
        String rule = "rules:\n  - id: broken\n    when: \"%s\"\n    outcome: %s\n    explanation: {en: \"x\"}\n"
                + "default: {id: approve, outcome: approved, explanation: {en: \"y\"}}\n";
        assertInvalid(String.format(rule, "amount >", "denied"), "rule broken: condition amount > is not a valid");
        assertInvalid(String.format(rule, "amount + 1", "denied"), "rule broken: condition amount + 1");
        assertInvalid(String.format(rule, "unknownFact", "denied"), "rule broken: condition unknownFact");
        assertInvalid(String.format(rule, "amount > 1", "maybe"), "outcome must be approved, denied or review");
        assertInvalid("rules: []\n", "a default rule is required");
        assertInvalid(String.format(rule, "amount > 1", "denied").replace("{en: \"x\"}", "{fr: \"x\"}"),
                "an explanation in English (en) is required");
    }

    private static void assertInvalid(String yaml, String message) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new CreditPolicy(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    private static String shipped() {
        try (var in = CreditPolicyTest.class.getClassLoader().getResourceAsStream("policy/credit-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertRuling(PolicyOutcome outcome, String ruleId, CreditFacts facts) {
        PolicyRuling ruling = policy.decide(facts);
        assertEquals(outcome, ruling.outcome());
        assertEquals(ruleId, ruling.ruleId());
        assertEquals(policy.version(), ruling.version());
    }

    private static CreditFacts facts() {
        return eur(true, true, true, amount("120.00"), amount("240.00"), 20, false);
    }

    /** Facts of a euro request for a service outage. */
    private static CreditFacts eur(boolean confirmed, boolean billed, boolean sameCurrency, BigDecimal amount,
            BigDecimal creditable, long ageDays, boolean overlaps) {
        return new CreditFacts(confirmed, billed, sameCurrency, amount, "EUR", creditable, true, ageDays, overlaps,
                "service-outage");
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
