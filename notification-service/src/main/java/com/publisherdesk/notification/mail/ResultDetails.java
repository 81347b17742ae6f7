package com.publisherdesk.notification.mail;

import java.math.BigDecimal;

/**
 * What a decision said, kept with the result email it is owed for.
 *
 * @param ruleId           the rule that decided
 * @param explanation      the rule in words
 * @param creditNoteNumber the credit note issued, for approvals
 * @param amount           the amount credited, for approvals
 * @param currency         ISO 4217 code, for approvals
 * @param explanations     the rule in words by language, when the policy writes more than English
 * @param reviewNote       the support agent's note, when an agent decided the request
 */
public record ResultDetails(String ruleId, String explanation, String creditNoteNumber, BigDecimal amount,
        String currency, java.util.Map<String, String> explanations, String reviewNote) {

    /** A decision of the policy. */
    public ResultDetails(String ruleId, String explanation, String creditNoteNumber, BigDecimal amount,
            String currency, java.util.Map<String, String> explanations) {
        this(ruleId, explanation, creditNoteNumber, amount, currency, explanations, null);
    }

    /** The rule in words in {@code language}, in English when the policy does not write that language. */
    public String explanationIn(String language) {
        return explanations == null ? explanation : explanations.getOrDefault(language, explanation);
    }
}
