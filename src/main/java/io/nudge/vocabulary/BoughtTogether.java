package io.nudge.vocabulary;

import java.util.List;

/**
 * What shoppers buy with a line of the cart, from bought-together.csv: its partners in stock, best
 * first. Nudge inserts one for each cart line that has any before the rules run, so a rule matches
 * pairs as it matches the cart, with no look-up of its own.
 */
public record BoughtTogether(LineItem item, List<Product> products) {

    public BoughtTogether {
        products = List.copyOf(products);
    }
}
