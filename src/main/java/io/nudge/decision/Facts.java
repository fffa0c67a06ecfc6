package io.nudge.decision;

/** What one decision is about: the facts inserted into the rule session. */
record Facts(Cart cart, Shopper shopper, Context context) {
}
