package io.nudge.decision;

import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.NudgeType;

/** A candidate with the rule that proposed it. */
public record Proposal(Candidate candidate, RuleInfo rule) {

    public NudgeType type() {
        return candidate.getType();
    }

    /** How it ranks: its rule's {@code @priority}, else its type's. */
    public int priority() {
        return rule.priorityOf(candidate.getType());
    }
}
