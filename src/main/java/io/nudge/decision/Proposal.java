package io.nudge.decision;

/** A candidate with the rule that proposed it and the rule it replaces (its {@code @replaces} metadata), if any. */
public record Proposal(Candidate candidate, String rule, String replaces) {
}
