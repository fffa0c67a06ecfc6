package io.nudge.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service answers a cart, around the engine: where rules run, and how long a storefront waits at most. */
@ConfigMapping(prefix = "nudge.decision")
public interface AnswerConfig {

    /**
     * How long a storefront waits at most: a decision still running then (a rule's consequence
     * blocks or loops) is answered without nudges, and its thread is left to it.
     */
    @WithDefault("500ms")
    Duration deadline();

    /** Threads that run rules, off the I/O threads; a rule that blocks holds one until it returns. */
    @WithDefault("4")
    int threads();

    /**
     * How many carts may wait for a decision thread; past them (every thread held by a rule that blocks) a cart is
     * answered without nudges at once rather than wait for the deadline.
     */
    @WithDefault("256")
    int queue();

    /**
     * Threads started in place of decision threads that a rule holds past the deadline, at most: capacity comes back while a
     * rule blocks, and a rule that never returns cannot start threads without end. Such a rule is quarantined soon anyway
     * ({@code nudge.decision.quarantine-after}).
     */
    @WithDefault("4")
    int spareThreads();
}
