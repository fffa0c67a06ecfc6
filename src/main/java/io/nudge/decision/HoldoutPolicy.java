package io.nudge.decision;

/** Whether a shopper is held out of a rule, so that its lift can be measured; the lift package decides how. */
public interface HoldoutPolicy {

    /** No experiment: every nudge shows. */
    HoldoutPolicy NONE = (rule, shopperKey) -> false;

    /** Whether the shopper known by {@code shopperKey} (null when unknown) must not see what {@code rule} proposes. */
    boolean heldOut(RuleInfo rule, String shopperKey);
}
