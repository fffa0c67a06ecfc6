package io.nudge.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import io.nudge.vocabulary.Catalog;

/** A compiled rule book: the unit that is loaded and swapped as a whole. The catalog is swapped on its own. */
public final class RuleBook {

    /** The typed global through which rules look products up. */
    public static final String CATALOG_GLOBAL = "catalog";

    private final String version;
    private final KieSessionsPool sessions;
    private final Messages messages;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byName;
    private final boolean rulesUseCatalog;
    private final boolean hasCampaigns;
    /** How often each rule ran past its budget while this book served, and the rules that did so too often: they no longer fire. */
    private final Map<String, AtomicInteger> overruns = new ConcurrentHashMap<>();
    private final Set<String> quarantined = ConcurrentHashMap.newKeySet();

    /** {@code rules} are the rules of {@code kieBase}, their metadata read already. */
    public RuleBook(String version, KieBase kieBase, List<RuleInfo> rules, Messages messages) {
        if (rules.isEmpty()) {
            throw new IllegalStateException("The rule book has no rules: check that rules/ holds the .drl files"
                    + " and that the build copied them to target/generated-resources/rules");
        }
        this.version = version;
        // dispose() resets a pooled session (facts, listeners, globals) and returns it, which
        // costs less per decision than building a fresh one. The pool is garbage
        // with this book once a reload replaces it; shutting it down could break decisions in flight.
        this.sessions = kieBase.newKieSessionsPool(1);
        this.messages = messages;
        this.rules = List.copyOf(rules);
        this.byName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.rulesUseCatalog = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(CATALOG_GLOBAL));
        this.hasCampaigns = rules.stream().anyMatch(rule -> rule.window() != null);
    }

    /** A short hash of the rule files' content. */
    public String version() {
        return version;
    }

    /** The translations of the rules' messages. */
    public Messages messages() {
        return messages;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    /** The rule of this name, as read when the book was built. */
    public RuleInfo rule(String name) {
        return byName.get(name);
    }

    /** Lets fire only the rules in effect at {@code at}: not quarantined, and within their campaign window if they have one. */
    public AgendaFilter inEffectAt(Instant at) {
        if (!hasCampaigns && quarantined.isEmpty()) {
            return match -> true;
        }
        return match -> {
            String name = match.getRule().getName();
            RuleInfo rule = byName.get(name);
            return !quarantined.contains(name) && (rule == null || rule.window() == null || rule.window().contains(at));
        };
    }

    /**
     * Counts one more overrun of {@code rule} (past its time budget, its firing cap or the deadline); true when this one, the
     * {@code limit}-th, quarantines it: it fires no more in this book, and a reload brings a book where it fires again.
     */
    public boolean overran(String rule, int limit) {
        if (!byName.containsKey(rule)) {
            return false;
        }
        int times = overruns.computeIfAbsent(rule, name -> new AtomicInteger()).incrementAndGet();
        return times >= limit && quarantined.add(rule);
    }

    /** The rules quarantined in this book, by name. */
    public SortedSet<String> quarantined() {
        return new TreeSet<>(quarantined);
    }

    /** An empty session over the shared rule base, its global {@code catalog} set to {@code catalog}. The caller disposes it. */
    public KieSession newSession(Catalog catalog) {
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
}
