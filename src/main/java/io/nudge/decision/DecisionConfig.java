package io.nudge.decision;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nudge.decision")
public interface DecisionConfig {

    /** The most nudges one answer shows. */
    @WithDefault("3")
    int maxNudges();

    /** The most products one nudge suggests, the first the rule gave: a rule that offers a whole category shows a few. */
    @WithDefault("4")
    int maxProducts();

    /**
     * The most rule firings one decision may take, plus one per rule for each cart line: a rule
     * that keeps re-activating stops here instead of hanging, and a long cart is no fault.
     */
    @WithDefault("1000")
    int maxFirings();

    /**
     * How long one decision may fire rules. It is checked before each firing, so a rule that
     * keeps re-activating stops here; a single consequence that blocks cannot be cut short.
     */
    @WithDefault("50ms")
    Duration timeBudget();

    /**
     * How long a storefront waits at most: a decision still running then (a rule's consequence
     * blocks or loops) is answered without nudges, and its worker thread is left to it.
     */
    @WithDefault("500ms")
    Duration deadline();

    /**
     * How many times a rule may run past its time budget, its firing cap or the deadline while a book serves: then it is
     * quarantined, fires no more until the next reload, and {@code GET /v1/rules}, a metric and the audit trail say so.
     */
    @WithDefault("3")
    int quarantineAfter();

    /** These limits with another time budget: a check or a replay runs on a book fresh from the compiler, on any machine. */
    default DecisionConfig withTimeBudget(Duration budget) {
        return new Limits(maxNudges(), maxProducts(), maxFirings(), budget, deadline(), quarantineAfter());
    }

    record Limits(int maxNudges, int maxProducts, int maxFirings, Duration timeBudget, Duration deadline, int quarantineAfter)
            implements DecisionConfig {
    }
}
