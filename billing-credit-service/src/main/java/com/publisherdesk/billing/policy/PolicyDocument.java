package com.publisherdesk.billing.policy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The credit policy file as written: parameters, ordered rules, a default, and the note every denial ends with.
 *
 * @param parameters  named values the conditions and explanations use; amounts are decimal strings
 * @param rules       tried in order, the first whose condition holds decides
 * @param fallback    decides when no rule does
 * @param denialNote  appended to the explanation of every denial, by language
 */
public record PolicyDocument(Map<String, Object> parameters, List<Rule> rules,
        @JsonProperty("default") Rule fallback, Map<String, String> denialNote) {

    /**
     * One rule.
     *
     * @param id          stable id, recorded with every decision
     * @param when        a CEL condition over the request's facts and the parameters
     * @param outcome     approved, denied or review
     * @param explanation the rule in words, by language ({@code en} required)
     */
    public record Rule(String id, String when, String outcome, Map<String, String> explanation) {
    }
}
