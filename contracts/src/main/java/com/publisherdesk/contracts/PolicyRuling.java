package com.publisherdesk.contracts;

import java.util.Map;

/**
 * Which written policy rule decided a request.
 *
 * @param ruleId        the rule's stable id
 * @param explanation   the rule in words, in English
 * @param policyVersion the content hash of the policy in force
 * @param explanations  the rule in words in every language the policy writes it in, by language code
 *                      ({@code en}, {@code fr}); absent from events of policies written in English only
 */
public record PolicyRuling(String ruleId, String explanation, String policyVersion, Map<String, String> explanations) {

    /** A ruling explained in English only. */
    public PolicyRuling(String ruleId, String explanation, String policyVersion) {
        this(ruleId, explanation, policyVersion, null);
    }

    /** The explanation in {@code language}, in English when the policy does not write that language. */
    public String explanationIn(String language) {
        return explanations == null || language == null ? explanation
                : explanations.getOrDefault(language, explanation);
    }
}
