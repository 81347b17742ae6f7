package com.publisherdesk.billing.policy;

/**
 * The policy's answer for one request.
 *
 * @param outcome     approved, denied or review
 * @param ruleId      the rule that fired
 * @param explanation the rule in words
 * @param version     the policy version (a content hash)
 */
public record PolicyRuling(PolicyOutcome outcome, String ruleId, String explanation, String version) {
}
