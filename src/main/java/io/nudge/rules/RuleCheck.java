package io.nudge.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;
import io.nudge.vocabulary.Catalog;

/** The check every rule change passes before it goes live: compile, then run every scenario against the serving catalog. */
@ApplicationScoped
public class RuleCheck {

    /** Names of rule files and tables, whatever their case, and spreadsheets saved in another format. */
    private static final Pattern MISNAMED = Pattern.compile(".*\\.(drl|drl\\.\\w+|xlsx?|xlsm|ods)$");
    private final RuleCompiler compiler;
    private final ScenarioCheck scenarios;
    /** The languages besides the rules' own that every message needs a translation into. */
    private final List<String> translatedInto;
    /** The catalog scenarios look products up in: the shop's, as it serves now. */
    private final Supplier<Catalog> catalog;

    @Inject
    RuleCheck(ScenarioCheck scenarios, RulesConfig config, ActiveCatalog catalog) {
        this(scenarios, config, catalog::currentOrEmpty);
    }

    public RuleCheck(ScenarioCheck scenarios, RulesConfig config, Supplier<Catalog> catalog) {
        this.compiler = new RuleCompiler(config.zone());
        this.scenarios = scenarios;
        this.translatedInto = config.languages().subList(1, config.languages().size());
        this.catalog = catalog;
    }

    public CheckReport check(Path folder) {
        return check(folder, true);
    }

    /** The check without the scenarios: the book of rules already live, which a draft is compared with, needs only to build. */
    public CheckReport compile(Path folder) {
        return check(folder, false);
    }

    private CheckReport check(Path folder, boolean runScenarios) {
        String name = folder.toAbsolutePath().normalize().toString();
        RuleSources sources;
        try {
            sources = RuleSources.fromFolder(folder);
        } catch (UnreadableRuleFile e) {
            return CheckReport.refused(name, e.problem());
        }
        RuleCompiler.Compilation compilation = compiler.compile(sources);
        List<RuleProblem> errors = new ArrayList<>(compilation.errors());
        misnamedRuleFiles(folder).forEach(file -> errors.add(new RuleProblem(file, 0, 0, null,
                "is not read: a rule file's name must end in .drl, and a decision table's in .drl.xlsx, in lower case")));
        List<ScenarioFile> files = sources.scenarioFiles(errors);
        List<RuleProblem> warnings = new ArrayList<>(compilation.warnings());
        files.forEach(file -> file.scenarios().stream().filter(Scenario::assertsNothing).forEach(scenario -> warnings.add(
                new RuleProblem(RuleSources.SCENARIOS + "/" + file.name(), sources.lineOfScenario(file.name(), scenario.name()), 0, null,
                        "scenario \"" + scenario.name() + "\" asserts nothing: give it expect, expectNot, or expectNone: true"))));
        if (compilation.compiled()) {
            errors.addAll(unknownRules(files, sources, compilation.book()));
            warnings.addAll(untranslated(sources, compilation.book()));
        }
        List<ScenarioCheck.Outcome> outcomes = compilation.compiled() && runScenarios ? scenarios.run(compilation.book(), catalog.get(), files)
                : List.of();
        if (compilation.compiled() && runScenarios) {
            warnings.addAll(uncovered(sources, files, compilation.book(), outcomes));
        }
        return new CheckReport(name, sources.version(), errors, warnings, outcomes, errors.isEmpty() ? compilation.book() : null,
                sources.fingerprints());
    }

    /** Runs the scenarios of {@code sources} once through {@code book}, whatever they say, so that it serves warm. */
    void warmUp(RuleBook book, RuleSources sources) {
        scenarios.run(book, catalog.get(), sources.scenarioFiles(new ArrayList<>()));
    }

    /**
     * What the scenarios leave unchecked: a folder without scenarios, a scenario file without any, and each rule that no scenario's
     * cart fires, at its file and line (a table's row at its sheet and cell): a change to it would go live unchecked.
     */
    private static List<RuleProblem> uncovered(RuleSources sources, List<ScenarioFile> files, RuleBook book, List<ScenarioCheck.Outcome> outcomes) {
        List<RuleProblem> warnings = new ArrayList<>();
        if (files.isEmpty()) {
            warnings.add(new RuleProblem(RuleSources.SCENARIOS, 0, 0, null, "the folder has no scenario files: the rules are compiled, but no"
                    + " cart checks what they do; add one such as scenarios/shipping.yaml (see the guide's Scenarios)"));
            return warnings;
        }
        files.stream().filter(file -> file.scenarios().isEmpty()).forEach(file -> warnings.add(new RuleProblem(
                RuleSources.SCENARIOS + "/" + file.name(), 0, 0, null, "holds no scenario")));
        Set<String> fired = outcomes.stream().flatMap(outcome -> outcome.fired().stream()).collect(Collectors.toSet());
        Map<String, String> drl = sources.drl();
        book.rules().stream().filter(rule -> !fired.contains(rule.name())).forEach(rule -> warnings.add(sources.located(new RuleProblem(
                rule.file(), RuleSources.lineOf(drl.get(rule.file()), 1, "rule \"" + rule.name() + "\""), 0, rule.name(),
                "no scenario fires this rule: add one whose cart does, so that a change to it is checked"))));
        return warnings;
    }

    /** Messages without a translation into a language the shop serves: those shoppers would read the rules' own language. */
    private List<RuleProblem> untranslated(RuleSources sources, RuleBook book) {
        List<RuleProblem> warnings = new ArrayList<>();
        sources.drl().forEach((file, text) -> DrlLint.messages(file, text).forEach(message -> translatedInto.stream()
                .filter(language -> !book.messages().translates(language, message.text()))
                .forEach(language -> warnings.add(sources.located(new RuleProblem(file, message.line(), 0, message.rule(), "\"" + message.text()
                        + "\" has no translation into " + language + " in " + RuleSources.MESSAGES + "/" + language + ".yaml"))))));
        return warnings;
    }

    /** Rules that scenarios name but no rule file has: a misspelled name would make a scenario pass or fail for the wrong reason. */
    private static List<RuleProblem> unknownRules(List<ScenarioFile> files, RuleSources sources, RuleBook book) {
        Set<String> known = book.rules().stream().map(RuleInfo::name).collect(Collectors.toSet());
        List<RuleProblem> problems = new ArrayList<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.scenarios()) {
                Stream.concat(scenario.expect().stream().map(Scenario.Expected::rule), scenario.expectNot().stream().map(Scenario.Unwanted::rule))
                        .filter(rule -> rule != null && !known.contains(rule)).distinct()
                        .forEach(rule -> problems.add(new RuleProblem(RuleSources.SCENARIOS + "/" + file.name(),
                                sources.lineInScenarios(file.name(), sources.lineOfScenario(file.name(), scenario.name()), rule), 0, null,
                                "scenario \"" + scenario.name() + "\" names rule \"" + rule + "\", which no rule file has: check its spelling")));
            }
        }
        return problems;
    }

    /**
     * Files that look like rule files but would be skipped, such as {@code SALE.DRL} or a table saved as {@code tiers.drl.csv}
     * or {@code tiers.xlsx}: better refused than silently ignored.
     */
    private static List<String> misnamedRuleFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.endsWith(".drl") && !name.endsWith(DecisionTable.EXTENSION) && !name.startsWith("~$")
                            && MISNAMED.matcher(name.toLowerCase(Locale.ROOT)).matches())
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
