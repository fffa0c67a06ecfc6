package io.nudge.decision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import io.nudge.catalog.Catalog;

/** A compiled rule book with the catalog it suggests from: the unit that is loaded and swapped as a whole. */
public final class RuleBook {

    /** Rule metadata Nudge reads: {@code @description("...")} and {@code @replaces("rule name")}. */
    public static final String DESCRIPTION = "description";
    public static final String REPLACES = "replaces";
    /** {@code @holdout(10)}: the percent of shoppers who never see the rule's nudge, to measure its lift. */
    public static final String HOLDOUT = "holdout";
    /** The typed global through which rules look products up. */
    public static final String CATALOG_GLOBAL = "catalog";

    private final String version;
    private final KieSessionsPool sessions;
    private final Catalog catalog;
    private final List<RuleInfo> rules;
    private final boolean rulesUseCatalog;
    private final Map<String, CampaignWindow> windows = new HashMap<>();
    private final Map<String, Integer> holdouts = new HashMap<>();

    public RuleBook(String version, KieBase kieBase, Catalog catalog, List<RuleInfo> rules) {
        if (rules.isEmpty()) {
            throw new IllegalStateException("The rule book has no rules: check that rules/ holds the .drl files"
                    + " and that the build copied them to target/generated-resources/rules");
        }
        this.version = version;
        // dispose() resets a pooled session (facts, listeners, globals) and returns it, which
        // costs less per decision than building a fresh one. The pool is garbage
        // with this book once a reload replaces it; shutting it down could break decisions in flight.
        this.sessions = kieBase.newKieSessionsPool(1);
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.rulesUseCatalog = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(CATALOG_GLOBAL));
        rules.stream().filter(rule -> rule.window() != null).forEach(rule -> windows.put(rule.name(), rule.window()));
        rules.stream().filter(rule -> rule.holdout() != null).forEach(rule -> holdouts.put(rule.name(), rule.holdout()));
    }

    /** A short hash of the rule files' content. */
    public String version() {
        return version;
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    /** The rule's own holdout percent, or null when it sets none and the default applies. */
    public Integer holdout(String rule) {
        return holdouts.get(rule);
    }

    /** Lets fire only the rules whose campaign window holds {@code at}. */
    public AgendaFilter inEffectAt(Instant at) {
        if (windows.isEmpty()) {
            return match -> true;
        }
        return match -> {
            CampaignWindow window = windows.get(match.getRule().getName());
            return window == null || window.contains(at);
        };
    }

    /** An empty session over the shared rule base, its globals set. The caller disposes it. */
    public KieSession newSession() {
        KieSession session = sessions.newKieSession();
        try {
            if (rulesUseCatalog) {
                session.setGlobal(CATALOG_GLOBAL, catalog);
            }
            return session;
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** A metadata value of a rule, without the quotes DRL keeps around string values; null when absent. */
    public static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
