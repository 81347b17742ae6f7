package com.publisherdesk.billing;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The decision on a credit request: outcome, the rule that fired and the policy version. */
@Entity
@Table(name = "credit_decision")
public class CreditDecision extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String explanation;

    /** The explanation by language, as JSON; null for decisions recorded before policies spoke French. */
    @Column
    public String explanations;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** What the policy knew when it decided, as JSON; null for decisions recorded before the facts were kept. */
    @Column
    public String facts;

    /** The ruling as the decision events carry it. */
    public com.publisherdesk.contracts.PolicyRuling ruling() {
        return new com.publisherdesk.contracts.PolicyRuling(ruleId, explanation, policyVersion,
                explanations == null ? null : read(explanations));
    }

    /** What the policy knew when it decided; null for decisions recorded before the facts were kept. */
    public com.publisherdesk.billing.policy.CreditFacts factsSeen() {
        try {
            return facts == null ? null : com.publisherdesk.contracts.EventJson.mapper().readValue(facts,
                    com.publisherdesk.billing.policy.CreditFacts.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored facts are not JSON", e);
        }
    }

    /** Explanations by language, or the facts, as stored. */
    public static String json(Object value) {
        return value == null ? null : com.publisherdesk.contracts.EventJson.write(value);
    }

    private static java.util.Map<String, String> read(String json) {
        try {
            return com.publisherdesk.contracts.EventJson.mapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() {
                    });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored explanations are not JSON", e);
        }
    }
}
