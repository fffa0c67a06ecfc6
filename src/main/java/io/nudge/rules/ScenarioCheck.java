package io.nudge.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.nudge.decision.Decision;
import io.nudge.decision.DecisionConfig;
import io.nudge.decision.DecisionEngine;
import io.nudge.decision.Explanation;
import io.nudge.decision.FaultRecorder;
import io.nudge.decision.HoldoutPolicy;
import io.nudge.decision.Nudge;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleFault;
import io.nudge.request.RequestCheck;
import io.nudge.vocabulary.Catalog;

/** Runs scenarios against a rule book and says, for each, what it expected and what it got. */
@Singleton
public final class ScenarioCheck {

    /** The result of one scenario: passed when {@code failures} is empty; {@code fired} names the rules its cart fired. */
    public record Outcome(String file, String scenario, List<String> failures, @JsonIgnore Set<String> fired) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final DecisionEngine engine;
    private final RequestCheck requests;
    private final Instant defaultTime;

    /**
     * Checks decide as the service does, but in isolation: no holdout group changes a verdict,
     * and faults are reported here, not counted or logged as if the book served.
     */
    public ScenarioCheck(DecisionConfig decisions, RequestCheck requests, RulesConfig rules) {
        // The service's limits, with a time budget of the check's own: a cold or busy machine must not refuse good rules.
        this.engine = new DecisionEngine(decisions.withTimeBudget(rules.checkTimeBudget()), FaultRecorder.NONE, HoldoutPolicy.NONE);
        this.requests = requests;
        this.defaultTime = rules.scenarioTime();
    }

    /** Runs every scenario of {@code files} through {@code book}, looking products up in {@code catalog}. */
    public List<Outcome> run(RuleBook book, Catalog catalog, List<ScenarioFile> files) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.scenarios()) {
                outcomes.add(judge(file.name(), book, catalog, scenario));
            }
        }
        return outcomes;
    }

    public List<String> failures(RuleBook book, Catalog catalog, Scenario scenario) {
        return judge(null, book, catalog, scenario).failures();
    }

    private Outcome judge(String file, RuleBook book, Catalog catalog, Scenario scenario) {
        if (scenario.name() == null || scenario.name().isBlank()) {
            return new Outcome(file, scenario.name(), List.of("the scenario has no name"), Set.of());
        }
        NudgeRequest request = scenario.atUnlessSaid(defaultTime).request();
        List<String> invalid = requests.problemsOf(request).stream()
                .map(problem -> "the request is invalid: " + problem.field() + " " + problem.message())
                .sorted().toList();
        if (!invalid.isEmpty()) {
            return new Outcome(file, scenario.name(), invalid, Set.of());
        }
        // Explained, so a rule fault, which the service answers around, fails the scenario instead.
        Decision decision = engine.decide(book, RequestFacts.of(request, catalog), true);
        List<String> failures = new ArrayList<>();
        RuleFault fault = decision.explanation().fault();
        if (fault != null) {
            failures.add("on this cart " + fault.describe());
        }
        for (Scenario.Expected expected : scenario.expect()) {
            if (decision.nudges().stream().noneMatch(nudge -> matches(expected, nudge))) {
                failures.add("expected " + describe(expected) + "\n    actual   " + describe(decision.nudges()));
            }
        }
        if (scenario.expectNone() && !decision.nudges().isEmpty()) {
            failures.add("expected no nudges\n    actual   " + describe(decision.nudges()));
        }
        for (Scenario.Unwanted unwanted : scenario.expectNot()) {
            decision.nudges().stream().filter(nudge -> matches(unwanted, nudge)).findFirst().ifPresent(nudge ->
                    failures.add("expected no " + describe(unwanted) + "\n    actual   " + describe(nudge)));
        }
        return new Outcome(file, scenario.name(), failures,
                decision.explanation().fired().stream().map(Explanation.FiredRule::rule).collect(Collectors.toSet()));
    }

    private static boolean matches(Scenario.Expected expected, Nudge nudge) {
        return expected.type() == nudge.type()
                && (expected.rule() == null || expected.rule().equals(nudge.rule()))
                && (expected.amountRemaining() == null || nudge.amountRemaining() != null
                        && expected.amountRemaining().compareTo(nudge.amountRemaining()) == 0)
                && (expected.products() == null || new HashSet<>(expected.products()).equals(skus(nudge)))
                && (expected.prices() == null || expected.prices().entrySet().stream().allMatch(price -> pricedAs(nudge, price)))
                && (expected.messageContains() == null || spaced(nudge.message()).contains(spaced(expected.messageContains())));
    }

    /** The nudge suggests the sku at that price, or without a price where the scenario gives none. */
    private static boolean pricedAs(Nudge nudge, Map.Entry<String, BigDecimal> price) {
        return nudge.products().stream().anyMatch(product -> product.sku().equals(price.getKey()) && (price.getValue() == null
                ? product.price() == null : product.price() != null && product.price().compareTo(price.getValue()) == 0));
    }

    /** Every field the entry gives must match; an entry that gives none matches nothing. */
    private static boolean matches(Scenario.Unwanted unwanted, Nudge nudge) {
        boolean named = unwanted.type() != null || unwanted.rule() != null || unwanted.sku() != null;
        return named && (unwanted.type() == null || unwanted.type() == nudge.type())
                && (unwanted.rule() == null || unwanted.rule().equals(nudge.rule()))
                && (unwanted.sku() == null || skus(nudge).contains(unwanted.sku()));
    }

    /** Locales space amounts with no-break spaces ("8,00 €") that nobody types in a scenario: any space matches any. */
    private static String spaced(String text) {
        return text.replaceAll("[\\s\u00a0\u202f]+", " ");
    }

    private static Set<String> skus(Nudge nudge) {
        return nudge.products().stream().map(Nudge.SuggestedProduct::sku).collect(Collectors.toSet());
    }

    private static String describe(Scenario.Expected expected) {
        return "a " + expected.type() + " nudge"
                + (expected.rule() == null ? "" : " from \"" + expected.rule() + "\"")
                + (expected.amountRemaining() == null ? "" : " with amountRemaining " + expected.amountRemaining().toPlainString())
                + (expected.products() == null ? "" : " suggesting " + expected.products().stream().sorted().toList())
                + (expected.prices() == null ? "" : " priced " + new TreeMap<>(expected.prices()))
                + (expected.messageContains() == null ? "" : " saying \"..." + expected.messageContains() + "...\"");
    }

    private static String describe(Scenario.Unwanted unwanted) {
        return (unwanted.type() != null ? unwanted.type() + " nudge" : "nudge")
                + (unwanted.rule() == null ? "" : " from \"" + unwanted.rule() + "\"")
                + (unwanted.sku() == null ? "" : " suggesting " + unwanted.sku());
    }

    private static String describe(Nudge nudge) {
        return nudge.type() + " from \"" + nudge.rule() + "\""
                + (nudge.amountRemaining() == null ? "" : " with amountRemaining " + nudge.amountRemaining().toPlainString())
                + (nudge.products().isEmpty() ? "" : " suggesting " + nudge.products().stream()
                        .sorted(Comparator.comparing(Nudge.SuggestedProduct::sku))
                        .map(product -> product.sku() + (product.price() == null ? "" : " at " + product.price().toPlainString())).toList())
                + " saying \"" + nudge.message() + "\"";
    }

    private static String describe(List<Nudge> nudges) {
        return nudges.isEmpty() ? "no nudges"
                : nudges.stream().sorted(Comparator.comparing(Nudge::priority).reversed()).map(ScenarioCheck::describe)
                        .collect(Collectors.joining("\n             "));
    }
}
