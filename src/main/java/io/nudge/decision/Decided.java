package io.nudge.decision;

import java.util.List;
import java.util.Set;

/**
 * A decision with what happened on the way to it, for events and metrics; none of it goes to
 * the shopper. {@code shopperKey} is the shopper's id or session id, unhashed: hash it before it
 * leaves the service.
 */
public record Decided(Decision decision, String shopperKey, Set<String> fired, List<Fate> fates) {

    public enum Outcome {
        SHOWN, HELD_OUT, DROPPED
    }

    /** What became of one proposed nudge; {@code reason} is the drop's code (such as {@code cap}), only for DROPPED. */
    public record Fate(String rule, NudgeType type, Outcome outcome, String reason) {
    }
}
