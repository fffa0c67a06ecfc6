package io.nudge.rules;

import static io.nudge.testing.NudgeApi.decide;
import static io.nudge.testing.NudgeApi.nudge;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nudge.testing.DecisionTables;
import io.nudge.testing.Metrics;
import io.nudge.testing.NudgeApi;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RuleReloadTest.ScratchFolder.class)
class RuleReloadTest {

    static final Path FOLDER = ScratchRules.folder("manual");

    public static class ScratchFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual", "nudge.rules.check-timeout", "20s");
        }
    }

    @BeforeEach
    void startFromTheTestRules() {
        ScratchRules.serveTheTestRules(FOLDER);
    }

    @Test
    void shouldTellWhenTheFolderHoldsTheRulesAlreadyServing() {
        ScratchRules.reload().statusCode(200).body("result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldRefuseAnEditThatDoesNotCompileAndKeepServing() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.edit(FOLDER, "products.drl", "LineItem( category == \"camping/tents\" )", "LineItem( categry == \"camping/tents\" )");

        ScratchRules.reload()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("attempt.result", equalTo("REFUSED"))
                .body("attempt.errors[0].file", equalTo("products.drl"))
                .body("attempt.errors[0].line", equalTo(13))
                .body("attempt.errors[0].rule", equalTo("Stakes for a new tent"))
                .body("attempt.errors[0].message", equalTo("LineItem has no property \"categry\""));

        when().get("/v1/rules").then()
                .body("version", equalTo(before))
                .body("lastRefused.errors[0].file", equalTo("products.drl"));
        decide(TestRuleBook.SERUM_CART).statusCode(200).body("rulesVersion", equalTo(before))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("5.00")));
    }

    @Test
    void shouldRefuseAnEditThatBreaksAScenario() {
        ScratchRules.edit(FOLDER, "shipping.drl", "\"USD 35.00\"", "\"USD 30.00\"");
        ScratchRules.reload()
                .statusCode(422)
                .body("attempt.failedScenarios.scenario", hasItem("A serum at 30.00 is 5.00 from free shipping and gets the rest of its line"));
        decide(TestRuleBook.SERUM_CART).body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("35.00")));
    }

    @Test
    void shouldPutAGoodEditLiveWithItsScenario() {
        ScratchRules.write(FOLDER, "broken.drl", "rule \"Unfinished\" when");
        ScratchRules.reload().statusCode(422);
        ScratchRules.reset(FOLDER);
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.edit(FOLDER, "shipping.drl", "\"Add {remaining} more for free shipping\"", "\"Only {remaining} more to ship for free\"");
        ScratchRules.edit(FOLDER, "scenarios/test-book.yaml", "Add $5.00 more for free shipping", "Only $5.00 more to ship for free");

        assertThat(Metrics.value("nudge_rules_serving{version=\"" + before + "\"}")).isEqualTo(1.0);
        String after = ScratchRules.reload().statusCode(200).body("result", equalTo("LOADED"))
                .body("version", not(equalTo(before))).extract().path("version");
        when().get("/v1/rules").then().body("version", equalTo(after)).body("loadedAt", notNullValue())
                .body("$", not(hasKey("lastRefused")));
        // A replica shows the one version it serves: fleets compare these across replicas.
        assertThat(Metrics.value("nudge_rules_serving{version=\"" + after + "\"}")).isEqualTo(1.0);
        assertThat(Metrics.value("nudge_rules_serving{version=\"" + before + "\"}")).isEqualTo(0.0);
        decide(TestRuleBook.SERUM_CART).body(nudge("FREE_SHIPPING") + ".message", equalTo("Only $5.00 more to ship for free"));
    }

    @Test
    void shouldForgetARefusalOnceTheFolderHoldsTheServingRulesAgain() {
        ScratchRules.write(FOLDER, "broken.drl", "rule \"Unfinished\" when");
        ScratchRules.reload().statusCode(422);
        when().get("/v1/rules").then().body("$", hasKey("lastRefused"));

        ScratchRules.reset(FOLDER);
        ScratchRules.reload().statusCode(200).body("result", equalTo("UNCHANGED"));

        when().get("/v1/rules").then().body("$", not(hasKey("lastRefused")));
    }

    @Test
    void shouldRefuseRulesWhoseCheckDoesNotFinishAndStayReloadable() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.write(FOLDER, "waits.drl", """
                package nudge;
                import io.nudge.vocabulary.*;

                rule "Waits for a tent"
                    @description("A mistake: it waits in its consequence.")
                when
                    LineItem( sku == "TENT-2" )
                then
                    try { Thread.sleep( 120000 ); } catch ( InterruptedException stopped ) { }
                end
                """);

        ScratchRules.reload().statusCode(422)
                .body("attempt.errors[0].message", equalTo("the check did not finish within 20s: a rule may loop or wait;"
                        + " the rules serving keep serving"));

        when().get("/v1/rules").then().body("version", equalTo(before));
        ScratchRules.reset(FOLDER);
        ScratchRules.reload().statusCode(200).body("result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldPutATableLiveAndRefuseABrokenCellNamingIt() {
        byte[] table = DecisionTables.workbook("Spend goals", DecisionTables.SPEND_GOALS);
        DecisionTables.write(FOLDER, "spend.drl.xlsx", table);

        ScratchRules.reload().statusCode(200).body("result", equalTo("LOADED"));
        when().get("/v1/rules").then()
                .body("rules.find { it.name == 'Spend USD 60, save 5%' }.file", equalTo("spend.drl.xlsx"))
                .body("rules.find { it.name == 'Spend USD 60, save 5%' }.sheet", equalTo("Spend goals"))
                .body("rules.find { it.name == 'Spend USD 60, save 5%' }.row", equalTo(10));
        String serum50 = TestRuleBook.SERUM_CART.replace("30.00", "50.00");
        NudgeApi.explain(serum50)
                .body(nudge("DISCOUNT") + ".message", equalTo("Spend $10.00 more and save 5%"))
                .body("explanation.fired.find { it.rule == 'Spend USD 60, save 5%' }.from",
                        equalTo("spend.drl.xlsx, sheet \"Spend goals\", row 10"));

        DecisionTables.write(FOLDER, "spend.drl.xlsx", DecisionTables.withCell(table, "D10", "USD sixty"));
        ScratchRules.reload()
                .statusCode(422)
                .body("attempt.errors[0].file", equalTo("spend.drl.xlsx"))
                .body("attempt.errors[0].sheet", equalTo("Spend goals"))
                .body("attempt.errors[0].cell", equalTo("D10"))
                .body("attempt.errors[0].rule", equalTo("Spend USD 60, save 5%"));
        when().get("/v1/rules").then().body("lastRefused.errors[0].cell", equalTo("D10"));
        decide(serum50).body(nudge("DISCOUNT") + ".message", equalTo("Spend $10.00 more and save 5%"));
    }
}
