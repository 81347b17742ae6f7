package com.publisherdesk.billing.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * Compiles a policy file's rules once, checking what a policy must hold together: unique ids, an outcome and English
 * words for each rule, a CEL condition over the facts and parameters for each but the default, which has none.
 */
final class PolicyCompiler {

    /** A parameter written as a decimal is an amount, compared in minor units. */
    static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private PolicyCompiler() {
    }

    /** The file's rules compiled, or an {@link IllegalStateException} naming the file and what is wrong. */
    static Compiled compile(PolicyFile file) {
        PolicyDocument document = file.document();
        Map<String, Object> parameters = document.parameters() == null ? Map.of()
                : new LinkedHashMap<>(document.parameters());
        CelCompiler compiler = compiler(file, parameters);
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PolicyDocument.Rule rule : document.rules() == null ? List.<PolicyDocument.Rule>of() : document.rules()) {
            if (!ids.add(String.valueOf(rule.id()))) {
                throw invalid(file, "rule id " + rule.id() + " is used twice");
            }
            rules.add(compile(file, compiler, rule, true));
        }
        if (document.fallback() == null) {
            throw invalid(file, "a default rule is required");
        }
        return new Compiled(List.copyOf(rules), compile(file, compiler, document.fallback(), false), parameters,
                document.denialNote() == null ? Map.of() : Map.copyOf(document.denialNote()));
    }

    private static CompiledRule compile(PolicyFile file, CelCompiler compiler, PolicyDocument.Rule rule,
            boolean conditional) {
        if (rule.id() == null || rule.id().isBlank()) {
            throw invalid(file, "every rule needs an id");
        }
        PolicyOutcome outcome = PolicyOutcome.ofWire(rule.outcome()).orElseThrow(() -> invalid(file, "rule "
                + rule.id() + ": outcome must be approved, denied or review, not " + rule.outcome()));
        if (rule.explanation() == null || rule.explanation().get(CreditPolicy.DEFAULT_LANGUAGE) == null) {
            throw invalid(file, "rule " + rule.id() + ": an explanation in English (en) is required");
        }
        if (!conditional) {
            if (rule.when() != null) {
                throw invalid(file, "the default rule " + rule.id()
                        + " applies when no other does; it takes no condition");
            }
            return new CompiledRule(rule.id(), null, null, outcome, Map.copyOf(rule.explanation()));
        }
        if (rule.when() == null || rule.when().isBlank()) {
            throw invalid(file, "rule " + rule.id() + ": a condition (when) is required");
        }
        try {
            CelAbstractSyntaxTree ast = compiler.compile(rule.when()).getAst();
            return new CompiledRule(rule.id(), rule.when(), RUNTIME.createProgram(ast), outcome,
                    Map.copyOf(rule.explanation()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw invalid(file, "rule " + rule.id() + ": condition " + rule.when()
                    + " is not a valid CEL condition: " + e.getMessage());
        }
    }

    private static CelCompiler compiler(PolicyFile file, Map<String, Object> parameters) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        Map<String, CelType> facts = PolicyFacts.types();
        facts.forEach(builder::addVar);
        parameters.forEach((name, value) -> {
            if (facts.containsKey(name)) {
                throw invalid(file, "parameter " + name + " has the name of a fact");
            }
            builder.addVar(name, value instanceof Number || DECIMAL.matcher(String.valueOf(value)).matches()
                    ? SimpleType.INT : value instanceof Boolean ? SimpleType.BOOL : SimpleType.STRING);
        });
        return builder.build();
    }

    private static IllegalStateException invalid(PolicyFile file, String problem) {
        return new IllegalStateException("Credit policy " + file.source() + ": " + problem);
    }

    /**
     * A policy compiled.
     *
     * @param rules      the conditional rules, in order
     * @param fallback   the default rule
     * @param parameters the named values conditions and explanations use
     * @param denialNote the words added to every denial, by language
     */
    record Compiled(List<CompiledRule> rules, CompiledRule fallback, Map<String, Object> parameters,
            Map<String, String> denialNote) {
    }

    /** A rule with its condition compiled once. */
    record CompiledRule(String id, String when, CelRuntime.Program program, PolicyOutcome outcome,
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
