package com.publisherdesk.billing.policy;

import java.util.function.Predicate;

/**
 * One written rule of the credit policy.
 *
 * @param id          a stable id, recorded with every decision
 * @param outcome     what the rule decides when it applies
 * @param explanation the rule in words, as the publisher reads it
 * @param applies     when the rule applies
 */
public record PolicyRule(String id, PolicyOutcome outcome, String explanation, Predicate<CreditFacts> applies) {
}
