package io.nudge.lift;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nudge.testing.Catalogs;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.ScenarioCheck;
import io.nudge.rules.ScenarioFile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.nudge.testing.EventFile;

/** Half of all shoppers held out of every rule: a held-out nudge is hidden from the answer and recorded in the event. */
@QuarkusTest
@TestProfile(HoldoutTest.HalfHeldOut.class)
class HoldoutTest {

    public static class HalfHeldOut implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.lift.holdout", "50", "nudge.lift.salt", "holdout-test");
        }
    }

    private static final String RULE = "Free shipping from 35";
    private static final Holdouts GROUPS = new Holdouts("holdout-test", 50);

    @Inject
    ActiveRules rules;
    @Inject
    ScenarioCheck check;

    @Test
    void shouldHideTheNudgeFromAHeldOutShopperAndRecordIt() {
        String heldOut = shopperWhere(true);

        String decisionId = decide(thirtyDollarCartOf(heldOut)).statusCode(200)
                .body("nudges.rule", not(hasItem(RULE)))
                .extract().path("decisionId");

        JsonNode event = EventFile.awaitEvent(DecisionEvent.TYPE, decisionId);
        assertThat(event.path("nudges").findValuesAsText("outcome")).contains("HELD_OUT");
        assertThat(fateOf(event, RULE)).isEqualTo("HELD_OUT");
        assertThat(event.path("holdouts").path(RULE).asInt()).isEqualTo(50);
        assertThat(event.path("shopper").asText()).isEqualTo(GROUPS.pseudonym(heldOut)).doesNotContain(heldOut);
        assertThat(event.toString()).doesNotContain(heldOut);
        assertThat(event.has("request")).as("carts are recorded only when nudge.events.carts is on").isFalse();
    }

    @Test
    void shouldShowTheNudgeToAShopperInTheTreatmentGroupAndRecordIt() {
        String shown = shopperWhere(false);

        String decisionId = decide(thirtyDollarCartOf(shown)).statusCode(200)
                .body("nudges.rule", hasItem(RULE))
                .extract().path("decisionId");

        assertThat(fateOf(EventFile.awaitEvent(DecisionEvent.TYPE, decisionId), RULE)).isEqualTo("SHOWN");
    }

    @Test
    void shouldKeepAShopperInTheSameGroupOnEveryRequest() {
        String heldOut = shopperWhere(true);

        for (int i = 0; i < 5; i++) {
            decide(thirtyDollarCartOf(heldOut)).statusCode(200).body("nudges.rule", not(hasItem(RULE)));
        }
    }

    @Test
    void shouldCheckScenariosWithoutHoldingAnyoneOut() throws Exception {
        String heldOut = shopperWhere(true);
        ScenarioFile file = ScenarioFile.parse("held-out.yaml", """
                - name: A held-out shopper's cart is still checked against the whole rule book
                  cart: {currency: USD, items: [{sku: GIFT-CARD, quantity: 1, price: 30.00}]}
                  shopper: {id: %s}
                  expect: [{type: FREE_SHIPPING, rule: %s}]
                """.formatted(heldOut, RULE));

        assertThat(check.run(rules.current(), Catalogs.TEST, List.of(file))).singleElement()
                .satisfies(outcome -> assertThat(outcome.failures()).isEmpty());
    }

    private static String shopperWhere(boolean heldOut) {
        return IntStream.range(0, 100).mapToObj(i -> "shopper-" + i)
                .filter(id -> GROUPS.heldOut(RULE, null, id) == heldOut).findFirst().orElseThrow();
    }

    private static String fateOf(JsonNode event, String rule) {
        for (JsonNode nudge : event.path("nudges")) {
            if (nudge.path("rule").asText().equals(rule)) {
                return nudge.path("outcome").asText();
            }
        }
        return null;
    }

    private static String thirtyDollarCartOf(String shopperId) {
        return """
                {"cart": {"currency": "USD", "items": [{"sku": "GIFT-CARD", "quantity": 1, "price": 30.00}]},
                 "shopper": {"id": "%s"}}
                """.formatted(shopperId);
    }
}
