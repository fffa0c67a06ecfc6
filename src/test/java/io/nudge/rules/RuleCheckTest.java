package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

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
        assertThat(printed(report)).contains("12 rules, 0 errors, 0 warnings").contains("OK: these rules can go live");
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
    void shouldRefuseRulesThatFailOnACart() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "promotions.drl", "Threshold.of( $cart, \"75.00\" )", "Threshold.of( $cart, \"75,00\" )");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isFalse();
        assertThat(printed(report)).contains("FAIL    scenarios/promotions.yaml: Sixty dollars is told about ten percent off at 75")
                .contains("on this cart a rule's condition failed (Drools does not say which rule), NumberFormatException");
    }

    @Test
    void shouldFinishCheckingARuleThatKeepsReactivating() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "loop.drl", """
                package nudge;
                import io.nudge.decision.*;
                import function io.nudge.decision.Candidate.discount;

                rule "Every discount brings another"
                    @description("A mistake: each proposal it makes matches it again.")
                when
                    $proposed : Candidate( threshold != null )
                then
                    insert( discount( $proposed.getThreshold(), "again" ) );
                end
                """);
        CheckReport report = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> check.check(FOLDER));
        assertThat(report.errors()).isEmpty();
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
