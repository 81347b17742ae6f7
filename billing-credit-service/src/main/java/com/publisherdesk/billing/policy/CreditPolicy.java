package com.publisherdesk.billing.policy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** The written credit policy: ordered rules, the first that applies decides, approval when none does. */
@ApplicationScoped
public class CreditPolicy {

    private static final String INVITE = " The customer is invited to contact the publisher directly.";

    private final List<PolicyRule> rules;
    private final PolicyRule fallback;
    private final String version;

    public CreditPolicy(@ConfigProperty(name = "desk.policy.auto-approve-threshold") BigDecimal autoApproveThreshold,
            @ConfigProperty(name = "desk.policy.max-billing-age") Duration maxBillingAge) {
        long maxAgeDays = maxBillingAge.toDays();
        this.rules = List.of(
                new PolicyRule("deny-subscription-not-confirmed", PolicyOutcome.DENIED,
                        "The subscription could not be confirmed for this customer and publisher." + INVITE,
                        facts -> !facts.subscriptionConfirmed()),
                new PolicyRule("deny-nothing-billed", PolicyOutcome.DENIED,
                        "Nothing was billed in this currency for the credit period." + INVITE,
                        facts -> !facts.billedForPeriod() || !facts.sameCurrency()),
                new PolicyRule("deny-above-billed", PolicyOutcome.DENIED,
                        "The amount exceeds what was billed for the period, less credits already issued." + INVITE,
                        facts -> facts.amount().compareTo(facts.creditable()) > 0),
                new PolicyRule("deny-billing-date-too-old", PolicyOutcome.DENIED,
                        "The billing date is more than " + maxAgeDays + " days old." + INVITE,
                        facts -> facts.billingDateAgeDays() > maxAgeDays),
                new PolicyRule("deny-overlapping-credit", PolicyOutcome.DENIED,
                        "A credit for an overlapping period is already approved or in review." + INVITE,
                        CreditFacts::overlapsAnotherCredit),
                new PolicyRule("review-above-threshold", PolicyOutcome.REVIEW,
                        "The amount is above the auto-approval threshold of " + autoApproveThreshold.toPlainString()
                                + "; a support agent decides.",
                        facts -> facts.amount().compareTo(autoApproveThreshold) > 0));
        this.fallback = new PolicyRule("approve", PolicyOutcome.APPROVED,
                "The amount is within what was billed for the period and under the auto-approval threshold.",
                facts -> true);
        this.version = versionOf(rules, fallback, autoApproveThreshold, maxAgeDays);
    }

    /** Applies the rules in order; the first that applies decides. */
    public PolicyRuling decide(CreditFacts facts) {
        PolicyRule rule = rules.stream().filter(r -> r.applies().test(facts)).findFirst().orElse(fallback);
        return new PolicyRuling(rule.outcome(), rule.id(), rule.explanation(), version);
    }

    /** The content hash of the rules and thresholds in force. */
    public String version() {
        return version;
    }

    private static String versionOf(List<PolicyRule> rules, PolicyRule fallback, BigDecimal threshold, long maxAge) {
        StringBuilder canonical = new StringBuilder("threshold=" + threshold.toPlainString() + ";maxAge=" + maxAge);
        rules.forEach(r -> canonical.append(';').append(r.id()).append('=').append(r.outcome()).append(':')
                .append(r.explanation()));
        canonical.append(';').append(fallback.id()).append('=').append(fallback.outcome());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
