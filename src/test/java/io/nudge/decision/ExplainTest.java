package io.nudge.decision;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExplainTest {

    // A saltwater reel for a freshwater angler, a Hydra serum, and an average order of 20.00.
    private static final String CART = NudgeApi.cart("saltwater-reel-for-a-freshwater-angler.json");



    @Test
    void shouldShowEachFiredRuleWithTheFactsItMatched() {
        NudgeApi.explain(CART).statusCode(200)
                .body("explanation.fired.rule", hasItem("Weights for a new reel"))
                .body("explanation.fired.find { it.rule == 'Weights for a new reel' }.matched[0].fact", equalTo("LineItem"))
                .body("explanation.fired.find { it.rule == 'Weights for a new reel' }.matched[0].sku", equalTo("REEL-SW-8000"))
                .body("explanation.fired.find { it.rule == 'Personal next-day free shipping' }.matched.fact",
                        contains("Cart", "Shopper", "Threshold"))
                .body("explanation.fired.find { it.rule == 'Personal next-day free shipping' }.matched.find { it.fact == 'Shopper' }",
                        not(hasKey("firstName")));
    }

    @Test
    void shouldShowTheThresholdsComputed() {
        NudgeApi.explain(CART)
                .body("explanation.fired.find { it.rule == 'Free standard shipping' }.matched.find { it.fact == 'Threshold' }.remaining",
                        equalTo(new BigDecimal("10.00")))
                .body("explanation.fired.find { it.rule == 'Personal next-day free shipping' }.matched.find { it.fact == 'Threshold' }.amount",
                        hasToString("30"));
    }

    @Test
    void shouldShowEachDroppedNudgeAndWhy() {
        NudgeApi.explain(CART).statusCode(200)
                .body("explanation.dropped.find { it.rule == 'Weights for a new reel' }.reason",
                        equalTo("excluded by guard \"Freshwater anglers never get saltwater gear\""))
                .body("explanation.dropped.find { it.rule == 'Free standard shipping' }.reason",
                        equalTo("replaced by \"Personal next-day free shipping\""))
                .body("explanation.removedProducts.find { it.sku == 'HYD-SER' }.reason", equalTo("already in cart"));
    }

    @Test
    void shouldLeaveTheAnswerUnchangedWithoutTheFlag() {
        NudgeApi.decide(CART).statusCode(200).body("$", not(hasKey("explanation"))).body("nudges.rule",
                contains("Personal next-day free shipping", "Complete the routine"));
        NudgeApi.post("/v1/nudges?explain=false", CART).body("$", not(hasKey("explanation")));
    }
}
