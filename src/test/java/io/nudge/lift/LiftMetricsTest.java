package io.nudge.lift;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;
import io.nudge.testing.Metrics;

@QuarkusTest
class LiftMetricsTest {

    // A tent on clearance and a serum, 30.00 together, for an ultralight camper whose average order is 30.00.
    private static final String CART = NudgeApi.cart("clearance-tent-and-serum.json");

    private static final List<String> SERIES = List.of(
            "nudge_rule_fired_total{rule=\"Free shipping from 35\"}",
            "nudge_rule_fired_total{rule=\"Stakes for a new tent\"}",
            "nudge_rule_shown_total{rule=\"Next-day shipping near the usual order\",type=\"FREE_SHIPPING\"}",
            "nudge_rule_dropped_total{reason=\"replaced\",rule=\"Free shipping from 35\",type=\"FREE_SHIPPING\"}",
            "nudge_rule_dropped_total{reason=\"cap\",rule=\"Stakes for a new tent\",type=\"CROSS_SELL\"}",
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
        assertThat(Metrics.value("nudge_rule_held_out_total{rule=\"Next-day shipping near the usual order\",type=\"FREE_SHIPPING\"}")).isZero();
    }

    private static Map<String, Double> scrape() {
        return SERIES.stream().collect(Collectors.toMap(Function.identity(), Metrics::value));
    }
}
