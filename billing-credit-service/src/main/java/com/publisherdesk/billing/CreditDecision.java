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

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
