package io.nudge.decision;

/** Decision settings for running the engine outside Quarkus (tests and benchmarks), the service's defaults by default. */
public record FixedDecisionConfig(int maxNudges, int maxFirings) implements DecisionConfig {

    public static final FixedDecisionConfig DEFAULTS = new FixedDecisionConfig(3, 1000);
}
