package io.nudge.rules;

import java.io.PrintStream;
import java.util.List;
import java.util.SortedMap;

import io.nudge.decision.RuleBook;

/**
 * What checking a rule folder found: compile errors and warnings, and how each scenario went; {@code files} has each rule file,
 * table and translation with a hash of its content, or is null when the folder could not be read.
 */
public record CheckReport(String folder, String version, List<RuleProblem> errors, List<RuleProblem> warnings,
        List<ScenarioCheck.Outcome> scenarios, RuleBook book, SortedMap<String, String> files) {

    /** A check that could not get as far as compiling: one problem, no version, no scenario. */
    static CheckReport refused(String folder, RuleProblem problem) {
        return new CheckReport(folder, null, List.of(problem), List.of(), List.of(), null, null);
    }

    /** The report for machines: what {@code ./check-rules --json} prints, without the compiled book. */
    public record Summary(String folder, String version, boolean passed, List<RuleProblem> errors, List<RuleProblem> warnings,
            List<ScenarioCheck.Outcome> failedScenarios) {
    }

    public Summary summary() {
        return new Summary(folder, version, passed(), errors, warnings, failedScenarios());
    }

    public boolean passed() {
        return errors.isEmpty() && failedScenarios().isEmpty();
    }

    public List<ScenarioCheck.Outcome> failedScenarios() {
        return scenarios.stream().filter(outcome -> !outcome.passed()).toList();
    }

    /** The report a merchandiser reads: every problem, every scenario, and a verdict. */
    public void print(PrintStream out) {
        out.println("Checking the rules in " + folder);
        errors.forEach(error -> out.println("  ERROR   " + error));
        warnings.forEach(warning -> out.println("  WARNING " + warning));
        if (book == null && scenarios.isEmpty()) {
            out.println("  No scenario ran: the rules cannot be built until the errors above are fixed.");
        }
        for (ScenarioCheck.Outcome outcome : scenarios) {
            out.println("  " + (outcome.passed() ? "PASS" : "FAIL") + "    scenarios/" + outcome.file() + ": " + outcome.scenario());
            outcome.failures().forEach(failure -> out.println("          " + failure.replace("\n", "\n          ")));
        }
        out.printf("%d rules, %d errors, %d warnings; %d scenarios, %d passed, %d failed%n",
                book == null ? 0 : book.rules().size(), errors.size(), warnings.size(),
                scenarios.size(), scenarios.size() - failedScenarios().size(), failedScenarios().size());
        out.println(passed() ? "OK: these rules can go live (version " + version + ")" : "REFUSED: fix the problems above");
    }
}
