package io.nudge.rules;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The check every rule change passes before it goes live: compile, then run every scenario. */
@ApplicationScoped
public class RuleCheck {

    private final RuleCompiler compiler = new RuleCompiler();
    private final ScenarioCheck scenarios;

    RuleCheck(ScenarioCheck scenarios) {
        this.scenarios = scenarios;
    }

    public CheckReport check(Path folder) {
        String name = folder.toAbsolutePath().normalize().toString();
        RuleSources sources;
        try {
            sources = RuleSources.fromFolder(folder);
        } catch (UncheckedIOException e) {
            return new CheckReport(name, null, List.of(new RuleProblem(name, 0, 0, null, "cannot be read: " + e.getCause())),
                    List.of(), List.of(), null);
        }
        RuleCompiler.Compilation compilation = compiler.compile(sources);
        List<RuleProblem> errors = new ArrayList<>(compilation.errors());
        List<ScenarioFile> files = sources.scenarioFiles(errors);
        List<ScenarioCheck.Outcome> outcomes = compilation.compiled() ? scenarios.run(compilation.book(), files) : List.of();
        return new CheckReport(name, sources.version(), errors, compilation.warnings(), outcomes,
                errors.isEmpty() ? compilation.book() : null);
    }
}
