package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;

/** Every scenario of rules/scenarios/, run as its own test against the rule book compiled into the service. */
@QuarkusTest
class ScenarioFilesTest {

    @Inject
    ActiveRules rules;
    @Inject
    ScenarioCheck check;

    @TestFactory
    Stream<DynamicNode> scenarios() {
        List<RuleProblem> unreadable = new ArrayList<>();
        List<ScenarioFile> files = RuleSources.fromFolder(Path.of("rules")).scenarioFiles(unreadable);
        assertThat(unreadable).as("scenario files that cannot be read").isEmpty();
        return files.stream()
                .map(file -> DynamicContainer.dynamicContainer(file.name(), file.scenarios().stream()
                        .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                            var failures = check.failures(rules.current(), scenario);
                            if (!failures.isEmpty()) {
                                fail("rules/scenarios/" + file.name() + ", scenario \"" + scenario.name() + "\":\n  "
                                        + String.join("\n  ", failures));
                            }
                        }))));
    }
}
