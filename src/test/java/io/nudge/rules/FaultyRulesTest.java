package io.nudge.rules;

import static io.nudge.decision.NudgeApi.explain;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The service serving the demo rules plus rules broken on purpose (faulty-rules/faulty.drl). */
@QuarkusTest
@TestProfile(FaultyRulesTest.WithFaultyRules.class)
class FaultyRulesTest {

    static final Path FOLDER = ScratchRules.folder("faulty");

    public static class WithFaultyRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual",
                    "nudge.decision.max-firings", "100", "nudge.decision.time-budget", "50ms");
        }
    }

    @BeforeEach
    void serveTheDemoAndTheFaultyRules() throws IOException {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        ScratchRules.reload().statusCode(200);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "FAILS-THEN, A rule whose consequence throws, consequence-failed",
            "FAILS-WHEN, A rule whose condition throws, condition-failed",
            "FAILS-FROM, unknown, condition-failed",
            "LOOPS,      A rule that keeps re-activating itself, firing-cap",
            "STALLS,     A rule that takes its time, time-budget"})
    void shouldAnswerAroundAFaultyRuleAndCountTheFault(String sku, String rule, String kind) {
        explain(cartWith(sku))
                .statusCode(200)
                .body("explanation.fault.kind", equalTo(kind.toUpperCase().replace('-', '_')));

        when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("nudge_rule_faults_total{kind=\"" + kind + "\",rule=\"" + rule + "\"}"));
    }

    @Test
    void shouldKeepTheNudgesOfTheRulesThatFiredBeforeTheFault() {
        explain(cartWith("FAILS-THEN"))
                .statusCode(200)
                .body("nudges.rule", hasItem("Free standard shipping"))
                .body("explanation.fault.rule", equalTo("A rule whose consequence throws"));
    }

    @Test
    void shouldRefuseRulesWhoseScenarioMeetsAFault() {
        ScratchRules.write(FOLDER, "scenarios/faulty.yaml", """
                - name: A cart the faulty rule fails on
                  cart: {currency: USD, items: [{sku: FAILS-THEN, quantity: 1, price: 1.00}]}
                """);

        ScratchRules.reload()
                .statusCode(422)
                .body("attempt.failedScenarios[0].failures[0]",
                        equalTo("rule \"A rule whose consequence throws\" cut the decision short on this cart: consequence-failed"));
    }

    private static String cartWith(String sku) {
        return """
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 30.00},
                                                       {"sku": "%s", "quantity": 1, "price": 1.00}]}}
                """.formatted(sku);
    }
}
