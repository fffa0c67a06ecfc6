package io.nudge.bench;

/** A sku the benchmark's rules suggest, with the priority of the rule that suggested it. */
public record Suggestion(String sku, int priority) {
}
