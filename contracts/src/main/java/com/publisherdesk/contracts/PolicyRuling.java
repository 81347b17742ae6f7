package com.publisherdesk.contracts;

/**
 * Which written policy rule decided a request.
 *
 * @param ruleId        the rule's stable id
 * @param explanation   the rule in words, as the publisher reads it
 * @param policyVersion the content hash of the policy in force
 */
public record PolicyRuling(String ruleId, String explanation, String policyVersion) {
}
