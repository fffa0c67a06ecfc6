package io.nudge.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import io.nudge.decision.Messages;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;

/** Builds rule books: a compiled rule base paired with the files it was compiled from. */
public final class RuleBooks {

    private RuleBooks() {
    }

    /** Pairs a compiled rule base with the sources it was compiled from; metadata that cannot be read stops it. */
    public static RuleBook of(RuleSources sources, KieBase kieBase, ZoneId zone) {
        List<RuleInfo> rules = read(kieBase, sources.sourceOfEachRule(), zone, (rule, problem) -> {
            throw new IllegalStateException("rule \"" + rule.getName() + "\": " + problem);
        });
        List<RuleProblem> problems = new ArrayList<>();
        Messages messages = sources.messages(problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).toString());
        }
        return new RuleBook(sources.version(), kieBase, rules, messages);
    }

    /**
     * Each rule's metadata, read once (campaign dates in {@code zone}), by file and name. A rule whose metadata cannot be read is
     * handed to {@code invalid} with what is wrong, and left out.
     */
    static List<RuleInfo> read(KieBase kieBase, Map<String, RuleInfo.Source> sourceOfRule, ZoneId zone, BiConsumer<Rule, String> invalid) {
        return kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream())
                .map(rule -> {
                    try {
                        return RuleInfo.read(rule, sourceOfRule.get(rule.getName()), zone);
                    } catch (IllegalArgumentException e) {
                        invalid.accept(rule, e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(RuleInfo::file, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RuleInfo::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(RuleInfo::name))
                .toList();
    }
}
