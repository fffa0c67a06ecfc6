package io.nudge.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import io.nudge.catalog.Catalog;
import io.nudge.decision.CampaignWindow;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;

/** Builds rule books: a compiled rule base paired with the files it was compiled from. */
public final class RuleBooks {

    private RuleBooks() {
    }

    /** Pairs a compiled rule base with the sources it was compiled from. */
    public static RuleBook of(RuleSources sources, KieBase kieBase) {
        return of(sources, kieBase, sources.catalog(), fileOfEachRule(sources));
    }

    /** The same, with the catalog read and each rule's file known already. */
    public static RuleBook of(RuleSources sources, KieBase kieBase, Catalog catalog, Map<String, String> fileOfRule) {
        List<RuleInfo> rules = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream())
                .map(rule -> new RuleInfo(rule.getName(), fileOfRule.get(rule.getName()),
                        RuleBook.metadata(rule, RuleBook.DESCRIPTION), CampaignWindow.of(rule), RuleInfo.holdoutOf(rule)))
                .sorted(Comparator.comparing(RuleInfo::file, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RuleInfo::name))
                .toList();
        return new RuleBook(sources.version(), kieBase, catalog, rules);
    }

    private static Map<String, String> fileOfEachRule(RuleSources sources) {
        Map<String, String> fileOfRule = new HashMap<>();
        sources.drl().forEach((file, text) -> RuleIndex.parse(text).rules().forEach(rule -> fileOfRule.put(rule.getName(), file)));
        return fileOfRule;
    }
}
