package io.nudge.decision;

/** Whether a shopper is held out of a rule, so that its lift can be measured; the lift package decides how. */
public interface HoldoutPolicy {

    /** No experiment: every nudge shows. */
    HoldoutPolicy NONE = new HoldoutPolicy() {
        @Override
        public boolean heldOut(RuleInfo rule, String shopperKey) {
            return false;
        }

        @Override
        public int percent(RuleInfo rule) {
            return 0;
        }
    };

    /** Whether the shopper known by {@code shopperKey} (null when unknown) must not see what {@code rule} proposes. */
    boolean heldOut(RuleInfo rule, String shopperKey);

    /** The share of shoppers, in percent, held out of {@code rule}. */
    int percent(RuleInfo rule);
}
