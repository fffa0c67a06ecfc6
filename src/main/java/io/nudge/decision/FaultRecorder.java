package io.nudge.decision;

/** Where the engine reports a rule fault: counted and logged while serving, kept quiet while checking. */
public interface FaultRecorder {

    /** Records nothing: a rule check reports faults in its own words, for a book that may never serve. */
    FaultRecorder NONE = (book, fault, cause) -> {
    };

    /** Records {@code fault} of a decision with {@code book}; {@code cause} is what was thrown, if anything. */
    void record(RuleBook book, RuleFault fault, Throwable cause);
}
