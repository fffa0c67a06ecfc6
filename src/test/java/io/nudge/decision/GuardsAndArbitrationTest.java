package io.nudge.decision;

import static io.nudge.decision.NudgeApi.byRule;
import static io.nudge.decision.NudgeApi.decide;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GuardsAndArbitrationTest {

    @Test
    void shouldNeverOfferSaltwaterGearToAFreshwaterAngler() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-SW-8000", "quantity": 1, "price": 159.00}]},
                 "shopper": {"segments": ["freshwater-angler"]}}
                """).statusCode(200).body("nudges", hasSize(0));
    }

    @Test
    void shouldOfferAFreshwaterAnglerFreshwaterGear() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-2500", "quantity": 1, "price": 89.99}]},
                 "shopper": {"segments": ["freshwater-angler"]}}
                """).body(byRule("Weights for a new reel") + ".products.sku", contains("WGT-DS-14"));
    }

    @Test
    void shouldShowAtMostThreeNudgesHighestPriorityFirst() {
        // Free shipping (100), the Hydra bundle (70), pacifiers and a rain jacket (60 each): one too many.
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 1, "price": 12.00},
                                                       {"sku": "HYD-SER", "quantity": 1, "price": 10.00},
                                                       {"sku": "STOVE-1", "quantity": 1, "price": 5.00}]},
                 "context": {"weather": "rain"}}
                """)
                .statusCode(200)
                .body("nudges.type", contains("FREE_SHIPPING", "BUNDLE", "CROSS_SELL"))
                .body("nudges.rule", contains("Free standard shipping", "Complete the routine", "Pacifiers for little ones"));
    }

    @Test
    void shouldShowAProductOnlyOnce() {
        // Two freshwater reels each propose the same weights.
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-2500", "quantity": 1, "price": 89.99},
                                                       {"sku": "REEL-MINI", "quantity": 1, "price": 45.00,
                                                        "category": "fishing/reels", "tags": ["freshwater"]}]}}
                """)
                .body("nudges", hasSize(1))
                .body("nudges[0].products.sku", contains("WGT-DS-14"));
    }

    @Test
    void shouldIdentifyTheDecisionAndTheRulesThatMadeIt() {
        decide("""
                {"cart": {"currency": "USD", "items": []}}
                """)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("rulesVersion", matchesPattern("[0-9a-f]{8}"))
                .body("currency", equalTo("USD"));
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "HYD-SER", "quantity": 1, "price": 38.00, "giftWrap": true}],
                          "coupon": "SAVE5"},
                 "shopper": {"loyaltyTier": "gold"}, "context": {"device": "ios"}, "experiment": {"id": 7}}
                """).statusCode(200).body("nudges", hasSize(1)).body("nudges[0].rule", equalTo("Complete the routine"))
                .body("nudges[0].amountRemaining", nullValue());
    }
}
