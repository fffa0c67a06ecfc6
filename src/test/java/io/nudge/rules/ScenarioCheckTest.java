package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.nudge.testing.Catalogs;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScenarioCheckTest {

    @Inject
    ActiveRules rules;
    @Inject
    ScenarioCheck check;

    private List<ScenarioCheck.Outcome> run(String yaml) throws Exception {
        return check.run(rules.current(), Catalogs.TEST, List.of(ScenarioFile.parse("wrong.yaml", yaml)));
    }

    @Test
    void shouldShowExpectedAndActualWhenAScenarioFails() throws Exception {
        var outcomes = run("""
                - name: Thirty dollars expects the wrong amount
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 30.00}]}
                  expect:
                    - {type: FREE_SHIPPING, amountRemaining: 4.00}
                  expectNot:
                    - {rule: Free shipping from 35}
                """);
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.file()).isEqualTo("wrong.yaml");
            assertThat(outcome.scenario()).isEqualTo("Thirty dollars expects the wrong amount");
            assertThat(outcome.failures()).containsExactly(
                    """
                    expected a FREE_SHIPPING nudge with amountRemaining 4.00
                        actual   FREE_SHIPPING from "Free shipping from 35" with amountRemaining 5.00 \
                    saying "Add $5.00 more for free shipping\"""",
                    """
                    expected no nudge from "Free shipping from 35"
                        actual   FREE_SHIPPING from "Free shipping from 35" with amountRemaining 5.00 \
                    saying "Add $5.00 more for free shipping\"""");
        });
    }

    @Test
    void shouldPassAScenarioThatHolds() throws Exception {
        assertThat(run("""
                - name: Thirty dollars needs five more
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 30.00}]}
                  expect: [{type: FREE_SHIPPING, amountRemaining: 5, messageContains: "$5.00"}]
                  expectNot: [{type: DISCOUNT}, {sku: GIFT-CARD}]
                """)).singleElement().extracting(ScenarioCheck.Outcome::passed).isEqualTo(true);
    }

    @Test
    void shouldFailAScenarioWhoseRequestTheApiWouldRefuse() throws Exception {
        assertThat(run("""
                - name: Gold is no currency
                  cart: {currency: XAU, items: []}
                """)).singleElement().satisfies(outcome -> assertThat(outcome.failures())
                        .containsExactly("the request is invalid: cart.currency must be the ISO 4217 code of a currency"
                                + " in use, such as USD, EUR or JPY"));
    }

    @Test
    void shouldNameTheFileOfAScenarioThatCannotBeRead() {
        var sources = new RuleSources(new TreeMap<>(), new TreeMap<>(java.util.Map.of("typo.yaml", """
                - name: Misspelled key
                  cart: {currency: USD, items: []}
                  expext: [{type: FREE_SHIPPING}]
                """)));
        List<RuleProblem> problems = new java.util.ArrayList<>();
        assertThat(sources.scenarioFiles(problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("scenarios/typo.yaml");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("cannot be read: unknown key \"expext\"").contains("expect");
        });
    }

    @Test
    void shouldJudgeAScenarioWithoutAMomentAtTheCheckTimeNotTheClock() throws Exception {
        // The test book's winter sale ran through January 2025; the check's moment is 2026-03-02.
        assertThat(run("""
                - name: Fifteen dollars, no time given
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 15.00}]}
                  expect: [{type: FREE_SHIPPING, rule: Free shipping from 35}]
                """)).singleElement().extracting(ScenarioCheck.Outcome::passed).isEqualTo(true);
    }

    @Test
    void shouldLetAFileSayWhenItsScenariosHappen() throws Exception {
        assertThat(run("""
                at: 2025-01-15T12:00:00Z
                scenarios:
                  - name: Fifteen dollars in the winter sale
                    cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 15.00}]}
                    expect: [{type: FREE_SHIPPING, rule: "Winter sale: free shipping from 20"}]
                  - name: Fifteen dollars the year before, said by the scenario itself
                    cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 15.00}]}
                    context: {at: 2024-01-15T12:00:00Z}
                    expect: [{type: FREE_SHIPPING, rule: Free shipping from 35}]
                """)).extracting(ScenarioCheck.Outcome::passed).containsExactly(true, true);
    }

    @Test
    void shouldFailAScenarioExpectingNoNudgesThatGetsOne() throws Exception {
        assertThat(run("""
                - name: Thirty dollars expects nothing
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 30.00}]}
                  expectNone: true
                """)).singleElement().satisfies(outcome -> assertThat(outcome.failures()).singleElement().asString()
                        .startsWith("expected no nudges\n    actual   FREE_SHIPPING from \"Free shipping from 35\""));
    }

    @Test
    void shouldMatchAnUnwantedNudgeOnlyWhenEveryFieldGivenMatches() throws Exception {
        assertThat(run("""
                - name: Thirty dollars gets free shipping but no bundle from that rule
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 30.00}]}
                  expectNot:
                    - {type: BUNDLE, rule: Free shipping from 35}
                    - {type: FREE_SHIPPING, sku: CRM-1}
                """)).singleElement().extracting(ScenarioCheck.Outcome::passed).isEqualTo(true);
    }
}
