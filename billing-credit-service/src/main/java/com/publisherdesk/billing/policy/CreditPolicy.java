package com.publisherdesk.billing.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The written credit policy, read from a policy file: ordered rules whose conditions are CEL expressions, the first
 * that holds decides, the default when none does. The version recorded with every decision is the file's hash.
 */
@ApplicationScoped
public class CreditPolicy {

    /** The language every explanation must exist in. */
    public static final String DEFAULT_LANGUAGE = "en";

    static final String SHIPPED = "policy/credit-policy.yaml";

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    private static final Map<String, CelType> FACTS = facts();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String source;
    private final String version;
    private final List<CompiledRule> rules;
    private final CompiledRule fallback;
    private final Map<String, Object> parameters;
    private final Map<String, String> denialNote;

    @Inject
    public CreditPolicy(@ConfigProperty(name = "desk.policy.file") Optional<String> file) {
        this(file.map(CreditPolicy::read).orElseGet(CreditPolicy::shipped), file.orElse("classpath:" + SHIPPED));
    }

    /** A policy from a file's content; {@code source} names it in error messages. */
    public CreditPolicy(byte[] content, String source) {
        this.source = source;
        this.version = versionOf(content);
        PolicyDocument document = parse(content);
        this.parameters = document.parameters() == null ? Map.of() : new LinkedHashMap<>(document.parameters());
        this.denialNote = document.denialNote() == null ? Map.of() : Map.copyOf(document.denialNote());
        CelCompiler compiler = compiler(parameters);
        List<CompiledRule> compiled = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PolicyDocument.Rule rule : document.rules() == null ? List.<PolicyDocument.Rule>of() : document.rules()) {
            if (!ids.add(String.valueOf(rule.id()))) {
                throw invalid("rule id " + rule.id() + " is used twice");
            }
            compiled.add(compile(compiler, rule, true));
        }
        if (document.fallback() == null) {
            throw invalid("a default rule is required");
        }
        this.rules = List.copyOf(compiled);
        this.fallback = compile(compiler, document.fallback(), false);
    }

    /** Applies the rules in order; the first whose condition holds decides, the default when none does. */
    public PolicyRuling decide(CreditFacts facts) {
        Map<String, Object> variables = variables(facts);
        for (CompiledRule rule : rules) {
            if (rule.holds(variables, source)) {
                return ruling(rule);
            }
        }
        return ruling(fallback);
    }

    /** The content hash of the policy file in force. */
    public String version() {
        return version;
    }

    /** The rules in force, in order, then the default: id, outcome and English explanation. */
    public List<PolicyRuling> rules() {
        List<PolicyRuling> all = new ArrayList<>();
        rules.forEach(rule -> all.add(ruling(rule)));
        all.add(ruling(fallback));
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

    private PolicyRuling ruling(CompiledRule rule) {
        Map<String, String> explanations = new LinkedHashMap<>();
        rule.explanation().forEach((language, text) -> {
            String words = substitute(text);
            if (rule.outcome() == PolicyOutcome.DENIED) {
                String note = denialNote.getOrDefault(language, denialNote.get(DEFAULT_LANGUAGE));
                words = note == null ? words : words + " " + note;
            }
            explanations.put(language, words);
        });
        return new PolicyRuling(rule.outcome(), rule.id(), Map.copyOf(explanations), version);
    }

    private String substitute(String text) {
        String words = text;
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            words = words.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        return words;
    }

    private Map<String, Object> variables(CreditFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("subscriptionConfirmed", facts.subscriptionConfirmed());
        variables.put("billedForPeriod", facts.billedForPeriod());
        variables.put("sameCurrency", facts.sameCurrency());
        variables.put("amount", minorUnits(facts.amount(), facts.currency()));
        variables.put("creditable", minorUnits(facts.creditable(), facts.currency()));
        variables.put("billingDateMatches", facts.billingDateMatches());
        variables.put("billingDateAgeDays", facts.billingDateAgeDays());
        variables.put("overlapsAnotherCredit", facts.overlapsAnotherCredit());
        variables.put("reason", facts.reason() == null ? "" : facts.reason());
        parameters.forEach((name, value) -> variables.put(name, parameterValue(value, facts.currency())));
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
        return DECIMAL.matcher(text).matches() ? minorUnits(new BigDecimal(text), currency) : text;
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

    private CompiledRule compile(CelCompiler compiler, PolicyDocument.Rule rule, boolean conditional) {
        if (rule.id() == null || rule.id().isBlank()) {
            throw invalid("every rule needs an id");
        }
        PolicyOutcome outcome = PolicyOutcome.ofWire(rule.outcome()).orElseThrow(() -> invalid("rule " + rule.id()
                + ": outcome must be approved, denied or review, not " + rule.outcome()));
        if (rule.explanation() == null || rule.explanation().get(DEFAULT_LANGUAGE) == null) {
            throw invalid("rule " + rule.id() + ": an explanation in English (en) is required");
        }
        if (!conditional) {
            if (rule.when() != null) {
                throw invalid("the default rule " + rule.id() + " applies when no other does; it takes no condition");
            }
            return new CompiledRule(rule.id(), null, null, outcome, Map.copyOf(rule.explanation()));
        }
        if (rule.when() == null || rule.when().isBlank()) {
            throw invalid("rule " + rule.id() + ": a condition (when) is required");
        }
        try {
            CelAbstractSyntaxTree ast = compiler.compile(rule.when()).getAst();
            return new CompiledRule(rule.id(), rule.when(), RUNTIME.createProgram(ast), outcome,
                    Map.copyOf(rule.explanation()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw invalid("rule " + rule.id() + ": condition " + rule.when() + " is not a valid CEL condition: "
                    + e.getMessage());
        }
    }

    private CelCompiler compiler(Map<String, Object> parameters) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        FACTS.forEach(builder::addVar);
        parameters.forEach((name, value) -> {
            if (FACTS.containsKey(name)) {
                throw invalid("parameter " + name + " has the name of a fact");
            }
            builder.addVar(name, value instanceof Number || DECIMAL.matcher(String.valueOf(value)).matches()
                    ? SimpleType.INT : value instanceof Boolean ? SimpleType.BOOL : SimpleType.STRING);
        });
        return builder.build();
    }

    private IllegalStateException invalid(String problem) {
        return new IllegalStateException("Credit policy " + source + ": " + problem);
    }

    private PolicyDocument parse(byte[] content) {
        try {
            return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(content, PolicyDocument.class);
        } catch (IOException e) {
            throw invalid("cannot be read: " + e.getMessage());
        }
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Credit policy " + file + " cannot be read", e);
        }
    }

    private static byte[] shipped() {
        try (InputStream in = CreditPolicy.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped credit policy " + SHIPPED + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionOf(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "sha256:" + java.util.HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, CelType> facts() {
        Map<String, CelType> facts = new LinkedHashMap<>();
        facts.put("subscriptionConfirmed", SimpleType.BOOL);
        facts.put("billedForPeriod", SimpleType.BOOL);
        facts.put("sameCurrency", SimpleType.BOOL);
        facts.put("amount", SimpleType.INT);
        facts.put("creditable", SimpleType.INT);
        facts.put("billingDateMatches", SimpleType.BOOL);
        facts.put("billingDateAgeDays", SimpleType.INT);
        facts.put("overlapsAnotherCredit", SimpleType.BOOL);
        facts.put("reason", SimpleType.STRING);
        return Map.copyOf(facts);
    }

    /** A rule with its condition compiled once. */
    private record CompiledRule(String id, String when, CelRuntime.Program program, PolicyOutcome outcome,
            Map<String, String> explanation) {

        boolean holds(Map<String, Object> variables, String source) {
            try {
                return Boolean.TRUE.equals(program.eval(variables));
            } catch (CelEvaluationException e) {
                throw new IllegalStateException("Credit policy " + source + ": rule " + id + " (" + when
                        + ") failed: " + e.getMessage(), e);
            }
        }
    }
}
