package io.nudge.decision;

/** One rule of the active rule book, as merchandisers wrote it. */
public record RuleInfo(String name, String file, String description) {
}
