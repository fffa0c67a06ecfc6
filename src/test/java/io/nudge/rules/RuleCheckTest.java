package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.nudge.testing.Metrics;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;

/** The check ./check-rules runs and every reload passes through. */
@QuarkusTest
class RuleCheckTest {

    static final Path FOLDER = ScratchRules.folder("check");

    @Inject
    RuleCheck check;

    /** The report as ./check-rules prints it. */
    static String printed(CheckReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassARuleBookWhoseScenariosHold() {
        CheckReport report = check.check(TestRuleBook.FOLDER);
        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("7 rules, 0 errors, 0 warnings; 5 scenarios, 5 passed, 0 failed")
                .contains("OK: these rules can go live");
    }

    @Test
    void shouldReportCompileErrorsAndSkipScenarios() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "products.drl", "LineItem( category == \"camping/tents\" )", "LineItem( categry == \"camping/tents\" )");
        String report = printed(check.check(FOLDER));
        assertThat(report)
                .contains("ERROR   products.drl:13:5 rule \"Stakes for a new tent\": LineItem has no property \"categry\"")
                .contains("No scenario ran: the rules cannot be built until the errors above are fixed.")
                .contains("REFUSED: fix the problems above");
    }

    @Test
    void shouldReportAFailedScenarioWithExpectedAndActual() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "shipping.drl", "\"USD 35.00\"", "\"USD 30.00\"");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isFalse();
        assertThat(printed(report))
                .contains("FAIL    scenarios/test-book.yaml: A serum at 30.00 is 5.00 from free shipping and gets the rest of its line")
                .contains("expected a FREE_SHIPPING nudge with amountRemaining 5.00 saying \"...Add $5.00 more for free shipping...\"")
                .contains("actual   BUNDLE from \"Complete the line\" suggesting [CRM-1 at 25.00] saying \"Complete your Aura routine\"");
    }

    @Test
    void shouldRefuseRulesThatFailOnACart() {
        ScratchRules.reset(FOLDER);
        ScratchRules.edit(FOLDER, "shipping.drl", "\"USD 35.00\", \"EUR 40.00\"", "\"USD \" + Integer.parseInt( \"thirty\" )");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isFalse();
        assertThat(printed(report)).contains("FAIL    scenarios/test-book.yaml: A serum at 30.00 is 5.00 from free shipping and gets the rest of its line")
                .contains("on this cart a rule's condition failed (Drools does not say which rule), NumberFormatException");
    }

    @Test
    void shouldFinishCheckingARuleThatKeepsReactivating() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "loop.drl", """
                package nudge;
                import io.nudge.vocabulary.*;
                import function io.nudge.vocabulary.Candidate.discount;

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
        ScratchRules.edit(FOLDER, "products.drl", "    @description(\"A beauty item of a line brings the rest of that line.\")\n", "");
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("WARNING products.drl:30:1 rule \"Complete the line\": has no @description");
    }

    @Test
    void shouldWarnOfEachRuleNoScenarioFiresAtItsLine() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "scenarios/empty.yaml", "[]\n");
        ScratchRules.write(FOLDER, "scenarios/tents.yaml", """
                - name: A tent brings stakes
                  cart: {currency: USD, items: [{sku: TENT-2, quantity: 1, price: 120.00}]}
                  expect: [{rule: Stakes for a new tent}]
                """);
        // The test book's own scenarios, which fire every rule, are set aside.
        ScratchRules.delete(FOLDER.resolve("scenarios/test-book.yaml"));

        CheckReport report = check.check(FOLDER);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(RuleProblem::toString)
                .contains("scenarios/empty.yaml: holds no scenario")
                .contains("shipping.drl:8 rule \"Free shipping from 35\": no scenario fires this rule: add one whose cart does, so that a"
                        + " change to it is checked")
                .noneMatch(warning -> warning.contains("Stakes for a new tent"));
    }

    @Test
    void shouldWarnOfAFolderWithoutScenarios() {
        ScratchRules.reset(FOLDER);
        ScratchRules.delete(FOLDER.resolve("scenarios"));

        assertThat(check.check(FOLDER).warnings()).extracting(RuleProblem::toString).containsExactly("scenarios: the folder has no scenario"
                + " files: the rules are compiled, but no cart checks what they do; add one such as scenarios/shipping.yaml (see the guide's Scenarios)");
    }

    @Test
    void shouldWarnOfAScenarioThatAssertsNothing() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "scenarios/empty.yaml", """
                # A scenario with nothing expected passes whatever the cart gets.
                - name: A tent, expecting nothing in particular
                  cart: {currency: USD, items: [{sku: TENT-2, quantity: 1, price: 120.00}]}
                  expect: []
                """);
        CheckReport report = check.check(FOLDER);
        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("WARNING scenarios/empty.yaml:2: scenario \"A tent, expecting nothing in particular\""
                + " asserts nothing: give it expect, expectNot, or expectNone: true");
    }

    @Test
    void shouldNotCountOrLogTheFaultsOfRulesItChecks() throws Exception {
        String series = "nudge_rule_faults_total{kind=\"consequence-failed\",rule=\"A rule whose consequence throws\"}";
        double before = Metrics.value(series);
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        ScratchRules.write(FOLDER, "scenarios/faulty.yaml", """
                - name: A cart the faulty rule fails on
                  cart: {currency: USD, items: [{sku: FAILS-THEN, quantity: 1, price: 1.00}]}
                  expectNone: true
                """);

        CheckReport report = check.check(FOLDER);

        assertThat(report.failedScenarios()).singleElement().satisfies(outcome -> assertThat(outcome.failures().get(0))
                .startsWith("on this cart rule \"A rule whose consequence throws\" cut the decision short"));
        assertThat(Metrics.value(series)).isEqualTo(before);
    }

    @Test
    void shouldRefuseARuleFileItWouldNotRead() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "SALE.DRL", "package nudge;");
        String report = printed(check.check(FOLDER));
        assertThat(report).contains("ERROR   SALE.DRL: is not read: a rule file's name must end in .drl, and a decision table's in .drl.xlsx, in lower case")
                .contains("REFUSED");
    }

    @Test
    void shouldReportAScenarioWithoutANameRatherThanStumbleOnIt() {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "scenarios/nameless.yaml", """
                - cart: {currency: USD, items: []}
                """);
        CheckReport report = check.check(FOLDER);
        assertThat(report.failedScenarios()).singleElement()
                .satisfies(outcome -> assertThat(outcome.failures()).containsExactly("the scenario has no name"));
    }
}
