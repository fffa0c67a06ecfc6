package io.nudge.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import io.nudge.catalog.Catalog;

/** A compiled rule book with the catalog it suggests from: the unit that is loaded and swapped as a whole. */
public final class RuleBook {

    /** Rule metadata Nudge reads: {@code @description("...")} and {@code @replaces("rule name")}. */
    public static final String DESCRIPTION = "description";
    public static final String REPLACES = "replaces";
    /** The typed global through which rules look products up. */
    public static final String CATALOG_GLOBAL = "catalog";

    private final String version;
    private final KieBase kieBase;
    private final Catalog catalog;
    private final List<RuleInfo> rules;
    private final boolean rulesUseCatalog;

    RuleBook(String version, KieBase kieBase, Catalog catalog, List<RuleInfo> rules) {
        if (rules.isEmpty()) {
            throw new IllegalStateException("The rule book has no rules: check that rules/ holds the .drl files"
                    + " and that the build copied them to target/generated-resources/rules");
        }
        this.version = version;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.rulesUseCatalog = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(CATALOG_GLOBAL));
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

    /** A fresh session over the shared rule base, its globals set. The caller disposes it. */
    public KieSession newSession() {
        KieSession session = kieBase.newKieSession();
        if (rulesUseCatalog) {
            session.setGlobal(CATALOG_GLOBAL, catalog);
        }
        return session;
    }

    /** Pairs a compiled rule base with the sources it was compiled from. */
    public static RuleBook of(RuleSources sources, KieBase kieBase) {
        Map<String, String> fileOfRule = fileOfEachRule(sources);
        List<RuleInfo> rules = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream())
                .map(rule -> new RuleInfo(rule.getName(), fileOfRule.get(rule.getName()), metadata(rule, DESCRIPTION)))
                .sorted(Comparator.comparing(RuleInfo::file, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RuleInfo::name))
                .toList();
        String csv = sources.files().get(RuleSources.CATALOG);
        Catalog catalog = csv == null ? new Catalog(List.of())
                : Catalog.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return new RuleBook(sources.version(), kieBase, catalog, rules);
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

    private static Map<String, String> fileOfEachRule(RuleSources sources) {
        Map<String, String> fileOfRule = new HashMap<>();
        sources.drl().forEach((file, text) -> {
            try {
                for (RuleDescr rule : new DrlParser().parse(false, text).getRules()) {
                    fileOfRule.put(rule.getName(), file);
                }
            } catch (DroolsParserException e) {
                throw new IllegalStateException(file + " cannot be parsed: " + e.getMessage(), e);
            }
        });
        return fileOfRule;
    }
}
