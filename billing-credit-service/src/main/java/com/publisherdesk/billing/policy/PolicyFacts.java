package com.publisherdesk.billing.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/**
 * The facts a policy's conditions may name, declared once: each with its CEL type and how it is read from
 * {@link CreditFacts} (amounts in minor units of the request's currency).
 */
final class PolicyFacts {

    private static final List<Fact> ALL = List.of(
            new Fact("subscriptionConfirmed", SimpleType.BOOL, CreditFacts::subscriptionConfirmed),
            new Fact("billedForPeriod", SimpleType.BOOL, CreditFacts::billedForPeriod),
            new Fact("sameCurrency", SimpleType.BOOL, CreditFacts::sameCurrency),
            new Fact("amount", SimpleType.INT, facts -> CreditPolicy.minorUnits(facts.amount(), facts.currency())),
            new Fact("creditable", SimpleType.INT,
                    facts -> CreditPolicy.minorUnits(facts.creditable(), facts.currency())),
            new Fact("billingDateMatches", SimpleType.BOOL, CreditFacts::billingDateMatches),
            new Fact("billingDateAgeDays", SimpleType.INT, CreditFacts::billingDateAgeDays),
            new Fact("overlapsAnotherCredit", SimpleType.BOOL, CreditFacts::overlapsAnotherCredit),
            new Fact("reason", SimpleType.STRING, facts -> facts.reason() == null ? "" : facts.reason()));

    private PolicyFacts() {
    }

    /** Each fact's name and CEL type, in order. */
    static Map<String, CelType> types() {
        Map<String, CelType> types = new LinkedHashMap<>();
        ALL.forEach(fact -> types.put(fact.name(), fact.type()));
        return types;
    }

    /** Each fact's value for one request. */
    static Map<String, Object> values(CreditFacts facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        ALL.forEach(fact -> values.put(fact.name(), fact.read().apply(facts)));
        return values;
    }

    private record Fact(String name, CelType type, Function<CreditFacts, Object> read) {
    }
}
