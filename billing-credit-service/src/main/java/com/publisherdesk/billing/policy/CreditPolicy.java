package com.publisherdesk.billing.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.publisherdesk.billing.policy.PolicyCompiler.Compiled;
import com.publisherdesk.billing.policy.PolicyCompiler.CompiledRule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The written credit policy in force: ordered rules whose conditions are CEL expressions over the facts of a request
 * ({@link PolicyFacts}), the first that holds decides, the default when none does. Read by {@link PolicyFile},
 * compiled once by {@link PolicyCompiler}; the version recorded with every decision is the file's hash.
 */
@ApplicationScoped
public class CreditPolicy {

    /** The language every explanation must exist in. */
    public static final String DEFAULT_LANGUAGE = "en";

    private final String source;
    private final String version;
    private final Compiled policy;

    @Inject
    public CreditPolicy(PolicyConfig config) {
        this(config.file());
    }

    /** The operator's policy when {@code file} names one, the shipped one otherwise. */
    public CreditPolicy(Optional<String> file) {
        this(PolicyFile.of(file));
    }

    /** A policy from a file's content; {@code source} names it in error messages. */
    public CreditPolicy(byte[] content, String source) {
        this(PolicyFile.of(content, source));
    }

    private CreditPolicy(PolicyFile file) {
        this.source = file.source();
        this.version = file.version();
        this.policy = PolicyCompiler.compile(file);
    }

    /** Applies the rules in order; the first whose condition holds decides, the default when none does. */
    public PolicyRuling decide(CreditFacts facts) {
        Map<String, Object> variables = variables(facts);
        for (CompiledRule rule : policy.rules()) {
            if (rule.holds(variables, source)) {
                return ruling(rule);
            }
        }
        return ruling(policy.fallback());
    }

    /** The content hash of the policy file in force. */
    public String version() {
        return version;
    }

    /** The rules in force, in order, then the default: id, outcome and English explanation. */
    public List<PolicyRuling> rules() {
        List<PolicyRuling> all = new ArrayList<>();
        policy.rules().forEach(rule -> all.add(ruling(rule)));
        all.add(ruling(policy.fallback()));
        return all;
    }

    /**
     * A denial the desk makes itself, outside the written rules (the ledger's guard against crediting more than was
     * billed), in the policy's words: the denial note appended, this policy's version.
     *
     * @param ruleId      the guard's id
     * @param explanation its words by language, English at least
     */
    public PolicyRuling denial(String ruleId, Map<String, String> explanation) {
        return ruling(new CompiledRule(ruleId, null, null, PolicyOutcome.DENIED, explanation));
    }

    /** An amount in minor units of its currency (cents), exactly: CEL has no decimal type and no float is used. */
    public static long minorUnits(BigDecimal amount, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // An unknown currency is compared in hundredths, like most.
        }
        return amount.movePointRight(digits).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private PolicyRuling ruling(CompiledRule rule) {
        Map<String, String> explanations = new LinkedHashMap<>();
        rule.explanation().forEach((language, text) -> {
            String words = substitute(text);
            if (rule.outcome() == PolicyOutcome.DENIED) {
                String note = policy.denialNote().getOrDefault(language, policy.denialNote().get(DEFAULT_LANGUAGE));
                words = note == null ? words : words + " " + note;
            }
            explanations.put(language, words);
        });
        return new PolicyRuling(rule.outcome(), rule.id(), Map.copyOf(explanations), version);
    }

    private String substitute(String text) {
        String words = text;
        for (Map.Entry<String, Object> parameter : policy.parameters().entrySet()) {
            words = words.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        return words;
    }

    private Map<String, Object> variables(CreditFacts facts) {
        Map<String, Object> variables = new HashMap<>(PolicyFacts.values(facts));
        policy.parameters().forEach((name, value) -> variables.put(name, parameterValue(value, facts.currency())));
        return variables;
    }

    private static Object parameterValue(Object value, String currency) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        String text = String.valueOf(value);
        return PolicyCompiler.DECIMAL.matcher(text).matches() ? minorUnits(new BigDecimal(text), currency) : text;
    }
}
