package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The check ./check-rules runs and every reload passes through. */
@QuarkusTest
class RuleCheckTest {

    static final Path FOLDER = ScratchRules.folder("check");

    @Inject
    RuleCheck check;

    private static String printed(CheckReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassTheDemoRuleBook() {
        CheckReport report = check.check(Path.of("rules"));
        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("11 rules, 0 errors, 0 warnings").contains("OK: these rules can go live");
    }

    @Test
    void shouldReportCompileErrorsAndSkipScenarios() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "promotions.drl", "Cart( subtotal >= 60.00 )", "Cart( subtotl >= 60.00 )");
        String report = printed(check.check(FOLDER));
        assertThat(report)
                .contains("ERROR   promotions.drl:12:5 rule \"Spend more, save 10%\": Cart has no property \"subtotl\"")
                .contains("The rules do not compile, so no scenario ran.")
                .contains("REFUSED: fix the problems above");
    }

    @Test
    void shouldReportAFailedScenarioWithExpectedAndActual() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "shipping.drl", "\"USD 35.00\"", "\"USD 30.00\"");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isFalse();
        assertThat(printed(report))
                .contains("FAIL    scenarios/shipping.yaml: One cent below the threshold gets a one-cent nudge")
                .contains("expected a FREE_SHIPPING nudge from \"Free standard shipping\" with amountRemaining 0.01")
                .contains("actual   no nudges");
    }

    @Test
    void shouldWarnOfARuleWithoutDescription() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "bundles.drl",
                "    @description(\"A shopper with an item of a beauty line is offered the rest of that line.\")\n", "");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("WARNING bundles.drl:12:1 rule \"Complete the routine\": has no @description");
    }
}
