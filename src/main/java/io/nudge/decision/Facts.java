package io.nudge.decision;

/** What one decision is about: the facts inserted into the rule session. */
public record Facts(Cart cart, Shopper shopper, Context context) {
}
