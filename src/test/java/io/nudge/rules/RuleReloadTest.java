package io.nudge.rules;

import static io.nudge.decision.NudgeApi.decide;
import static io.nudge.decision.NudgeApi.nudge;
import static io.restassured.RestAssured.when;
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
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual");
        }
    }

    @BeforeEach
    void startFromTheDemoRules() {
        ScratchRules.serveTheDemoRules(FOLDER);
    }

    @Test
    void shouldTellWhenTheFolderHoldsTheRulesAlreadyServing() {
        ScratchRules.reload().statusCode(200).body("result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldRefuseAnEditThatDoesNotCompileAndKeepServing() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.edit(FOLDER, "promotions.drl", "Cart( subtotal >= 60.00 )", "Cart( subtotl >= 60.00 )");

        ScratchRules.reload()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("attempt.result", equalTo("REFUSED"))
                .body("attempt.errors[0].file", equalTo("promotions.drl"))
                .body("attempt.errors[0].line", equalTo(12))
                .body("attempt.errors[0].rule", equalTo("Spend more, save 10%"))
                .body("attempt.errors[0].message", equalTo("Cart has no property \"subtotl\""));

        when().get("/v1/rules").then()
                .body("version", equalTo(before))
                .body("lastRefused.errors[0].file", equalTo("promotions.drl"));
        decide(ScratchRules.SIXTY_DOLLAR_CART).statusCode(200).body("rulesVersion", equalTo(before))
                .body(nudge("DISCOUNT") + ".amountRemaining", equalTo(new BigDecimal("15.00")));
    }

    @Test
    void shouldRefuseAnEditThatBreaksAScenario() {
        ScratchRules.edit(FOLDER, "shipping.drl", "\"USD 35.00\"", "\"USD 30.00\"");
        ScratchRules.reload()
                .statusCode(422)
                .body("attempt.failedScenarios.scenario", hasItem("One cent below the threshold gets a one-cent nudge"));
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 34.99}]}}
                """).body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("35.00")));
    }

    @Test
    void shouldPutAGoodEditLiveWithItsScenario() {
        ScratchRules.write(FOLDER, "broken.drl", "rule \"Unfinished\" when");
        ScratchRules.reload().statusCode(422);
        ScratchRules.reset(FOLDER);
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.edit(FOLDER, "promotions.drl", "\"Spend {remaining} more and save 10%\"", "\"Only {remaining} more to save 10%\"");
        ScratchRules.edit(FOLDER, "scenarios/promotions.yaml", "Spend $15.00 more and save 10%", "Only $15.00 more to save 10%");

        ScratchRules.reload().statusCode(200).body("result", equalTo("LOADED"))
                .body("version", not(equalTo(before)));
        when().get("/v1/rules").then().body("version", not(equalTo(before))).body("loadedAt", notNullValue())
                .body("$", not(hasKey("lastRefused")));
        decide(ScratchRules.SIXTY_DOLLAR_CART).body(nudge("DISCOUNT") + ".message", equalTo("Only $15.00 more to save 10%"));
    }
}
