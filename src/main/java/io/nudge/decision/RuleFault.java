package io.nudge.decision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.runtime.rule.ConsequenceException;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something a rule did that cut a decision short. The decision still answers, with the nudges
 * proposed before it; the fault is counted, logged once, and shown in the explanation.
 *
 * @param rule the rule at fault, or null where Drools does not say (an error in a {@code from} expression)
 * @param cause what was thrown, for the rule check's report; never sent to clients or logged, as it may quote facts
 */
public record RuleFault(String rule, Kind kind, @JsonIgnore String cause) {

    public RuleFault(String rule, Kind kind) {
        this(rule, kind, null);
    }

    /** The fault in a merchandiser's words, cause included. */
    public String describe() {
        String what = rule != null ? "rule \"" + rule + "\" cut the decision short: " + kind.tag()
                : kind == Kind.CONDITION_FAILED ? "a rule's condition failed (Drools does not say which rule)"
                : "the decision was cut short before any rule fired: " + kind.tag();
        return what + (cause == null ? "" : ", " + cause);
    }

    public enum Kind {
        /** A consequence (the {@code then} part) threw. */
        CONSEQUENCE_FAILED("consequence-failed"),
        /** A condition or {@code from} expression threw while the facts were matched. */
        CONDITION_FAILED("condition-failed"),
        /** The decision reached {@code nudge.decision.max-firings}: a rule keeps re-activating. */
        FIRING_CAP("firing-cap"),
        /** The decision ran past {@code nudge.decision.time-budget}. */
        TIME_BUDGET("time-budget"),
        /** The rule's then part was still running at {@code nudge.decision.deadline}: it blocks or loops. */
        DEADLINE("deadline");

        /** Whether a rule at fault this way ran past its budget: what, repeated, quarantines it. */
        public boolean overrun() {
            return this == FIRING_CAP || this == TIME_BUDGET || this == DEADLINE;
        }

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        /** The name in metrics and logs. */
        public String tag() {
            return tag;
        }
    }

    // Drools names the rule only in the message of a failed constraint: "... in [Rule "X" in file.drl]".
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[Rule \"([^\"]+)\"");

    /**
     * The fault of {@code e}, thrown out of a run while {@code firing} (null for none) was running its then part. Drools
     * wraps an exception of a then part and names its rule; an {@link Error} (a stack overflow, a class that cannot be
     * linked) comes out unwrapped, and is blamed on the rule whose then part was running, if any.
     */
    static RuleFault of(Throwable e, String firing) {
        Throwable root = rootOf(e);
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (e instanceof ConsequenceException failed) {
            return new RuleFault(failed.getMatch() == null ? null : failed.getMatch().getRule().getName(), Kind.CONSEQUENCE_FAILED, cause);
        }
        if (e instanceof Error && firing != null) {
            return new RuleFault(firing, Kind.CONSEQUENCE_FAILED, cause);
        }
        Matcher named = e.getMessage() == null ? null : RULE_IN_MESSAGE.matcher(e.getMessage());
        return new RuleFault(named != null && named.find() ? named.group(1) : null, Kind.CONDITION_FAILED, cause);
    }

    /** What was thrown first: Drools wraps a rule's exception once or twice. */
    static Throwable rootOf(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
