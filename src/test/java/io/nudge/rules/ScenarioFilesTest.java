package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.kie.api.runtime.KieRuntimeBuilder;

import io.nudge.catalog.ProductCatalog;
import io.nudge.testing.Catalogs;
import io.nudge.decision.RuleBook;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every scenario of rules/scenarios/, run as its own test against the demo rule book as the build
 * compiled it into the service and the demo shop's feeds (tests serve another rule book; this one is what ships).
 */
@QuarkusTest
class ScenarioFilesTest {

    @Inject
    KieRuntimeBuilder kieRuntime;
    @Inject
    ScenarioCheck check;
    @Inject
    RulesConfig config;

    @TestFactory
    Stream<DynamicNode> scenarios() {
        List<RuleProblem> unreadable = new ArrayList<>();
        RuleSources demo = RuleSources.fromClasspath();
        RuleBook compiledIn = RuleBooks.of(demo, kieRuntime.getKieBase(), config.zone());
        ProductCatalog catalog = Catalogs.demo();
        List<ScenarioFile> files = demo.scenarioFiles(unreadable);
        assertThat(unreadable).as("scenario files that cannot be read").isEmpty();
        return files.stream()
                .map(file -> DynamicContainer.dynamicContainer(file.name(), file.scenarios().stream()
                        .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                            var failures = check.failures(compiledIn, catalog, scenario);
                            if (!failures.isEmpty()) {
                                fail("rules/scenarios/" + file.name() + ", scenario \"" + scenario.name() + "\":\n  "
                                        + String.join("\n  ", failures));
                            }
                        }))));
    }
}
