package io.nudge.decision;

import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Context;
import io.nudge.vocabulary.Shopper;

/**
 * What one decision is about: the facts inserted into the rule session, and who the shopper is
 * for holdout groups ({@code shopperKey}: their id, else the storefront's session id; null when
 * neither is known, and then the shopper is in no experiment). {@code catalog} is the one rules look
 * products up in, the global {@code catalog}.
 */
public record Facts(Cart cart, Shopper shopper, Context context, String shopperKey, Catalog catalog) {
}
