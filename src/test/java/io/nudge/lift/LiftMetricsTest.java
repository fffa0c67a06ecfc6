package io.nudge.lift;

import static io.nudge.decision.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.nudge.decision.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LiftMetricsTest {

    // A saltwater reel for a freshwater angler, a Hydra serum, and an average order of 20.00.
    private static final String CART = NudgeApi.cart("saltwater-reel-for-a-freshwater-angler.json");

    private static final List<String> SERIES = List.of(
            "nudge_rule_fired_total{rule=\"Free standard shipping\"}",
            "nudge_rule_fired_total{rule=\"Weights for a new reel\"}",
            "nudge_rule_shown_total{rule=\"Personal next-day free shipping\",type=\"FREE_SHIPPING\"}",
            "nudge_rule_dropped_total{reason=\"replaced\",rule=\"Free standard shipping\",type=\"FREE_SHIPPING\"}",
            "nudge_rule_dropped_total{reason=\"excluded\",rule=\"Weights for a new reel\",type=\"CROSS_SELL\"}",
            "nudge_decision_latency_seconds_count",
            "nudge_decision_nudges_count");

    @Test
    void shouldCountWhatBecameOfEachNudgeOfKnownRequests() {
        Map<String, Double> before = scrape();
        double nudgesBefore = Metrics.value("nudge_decision_nudges_sum");

        int nudgesShown = 0;
        for (int i = 0; i < 3; i++) {
            nudgesShown += decide(CART).statusCode(200).extract().jsonPath().getList("nudges").size();
        }

        Map<String, Double> after = scrape();
        SERIES.forEach(series -> assertThat(after.get(series) - before.get(series)).as(series).isEqualTo(3.0));
        assertThat(Metrics.value("nudge_decision_nudges_sum") - nudgesBefore).isEqualTo(nudgesShown);
        assertThat(Metrics.value("nudge_rule_held_out_total{rule=\"Personal next-day free shipping\",type=\"FREE_SHIPPING\"}")).isZero();
    }

    private static Map<String, Double> scrape() {
        return SERIES.stream().collect(Collectors.toMap(Function.identity(), Metrics::value));
    }
}
