package io.nudge.decision;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;

/** ?explain=true over the test rule book. */
@QuarkusTest
class ExplainTest {

    // A tent on clearance and a serum, 30.00 together, for an ultralight camper whose average order is 30.00.
    private static final String CART = NudgeApi.cart("clearance-tent-and-serum.json");

    @Test
    void shouldShowEachFiredRuleWithTheFactsItMatched() {
        NudgeApi.explain(CART).statusCode(200)
                .body("explanation.fired.rule", hasItem("Stakes for a new tent"))
                .body("explanation.fired.find { it.rule == 'Stakes for a new tent' }.matched[0].fact", equalTo("LineItem"))
                .body("explanation.fired.find { it.rule == 'Stakes for a new tent' }.matched[0].sku", equalTo("TENT-2"))
                .body("explanation.fired.find { it.rule == 'Next-day shipping near the usual order' }.matched.fact",
                        contains("Cart", "Shopper", "Threshold"))
                .body("explanation.fired.find { it.rule == 'Next-day shipping near the usual order' }.matched.find { it.fact == 'Shopper' }",
                        not(hasKey("firstName")));
    }

    @Test
    void shouldShowTheThresholdsComputed() {
        NudgeApi.explain(CART)
                .body("explanation.fired.find { it.rule == 'Free shipping from 35' }.matched.find { it.fact == 'Threshold' }.remaining",
                        equalTo(new BigDecimal("5.00")))
                .body("explanation.fired.find { it.rule == 'Next-day shipping near the usual order' }.matched.find { it.fact == 'Threshold' }.amount",
                        hasToString("40"));
    }

    @Test
    void shouldShowEachDroppedNudgeAndRemovedProductAndWhy() {
        NudgeApi.explain(CART).statusCode(200)
                .body("explanation.dropped.find { it.rule == 'Free shipping from 35' }.reason",
                        equalTo("replaced by \"Next-day shipping near the usual order\""))
                .body("explanation.dropped.find { it.rule == 'Free shipping from 35' }.type", equalTo("FREE_SHIPPING"))
                .body("explanation.dropped.find { it.rule == 'Stakes for a new tent' }.reason", equalTo("cap of 3 nudges"))
                .body("explanation.dropped.find { it.rule == 'Stakes for a new tent' }", not(hasKey("outcome")))
                .body("explanation.removedProducts.find { it.sku == 'STAKES-8' }.reason",
                        equalTo("excluded by guard \"Ultralight campers never get steel\""))
                .body("explanation.removedProducts.find { it.sku == 'SER-1' }.reason", equalTo("already in cart"));
    }

    @Test
    void shouldLeaveTheAnswerUnchangedWithoutTheFlag() {
        NudgeApi.decide(CART).statusCode(200).body("$", not(hasKey("explanation"))).body("nudges.rule",
                contains("Next-day shipping near the usual order", "Complete the line", "A mug for the road"));
        NudgeApi.post("/v1/nudges?explain=false", CART).body("$", not(hasKey("explanation")));
    }
}
