package com.publisherdesk.billing.policy;

import java.util.Map;

/**
 * The policy's answer for one request.
 *
 * @param outcome      approved, denied or review
 * @param ruleId       the rule that fired
 * @param explanations the rule in words, by language; English always present
 * @param version      the policy version (a content hash)
 */
public record PolicyRuling(PolicyOutcome outcome, String ruleId, Map<String, String> explanations, String version) {

    /** The rule in English words. */
    public String explanation() {
        return explanations.get(CreditPolicy.DEFAULT_LANGUAGE);
    }
}
