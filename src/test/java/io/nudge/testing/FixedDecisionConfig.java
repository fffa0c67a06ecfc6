package io.nudge.testing;

import java.time.Duration;

import io.nudge.decision.DecisionConfig;

/** Decision settings for running the engine outside Quarkus (tests and benchmarks), the service's defaults by default. */
public record FixedDecisionConfig(int maxNudges, int maxProducts, int maxFirings, Duration timeBudget, Duration deadline) implements DecisionConfig {

    public static final FixedDecisionConfig DEFAULTS = new FixedDecisionConfig(3, 1000, Duration.ofMillis(50));

    public FixedDecisionConfig(int maxNudges, int maxFirings, Duration timeBudget) {
        this(maxNudges, 4, maxFirings, timeBudget, Duration.ofMillis(500));
    }

    @Override
    public int quarantineAfter() {
        return 3;
    }
}
