package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A line of the cart, with the catalog's details filled in where the storefront sent none.
 * {@code price} is the unit price actually charged, exact as sent.
 */
public record LineItem(String sku, int quantity, BigDecimal price, String name, String category, String line, Set<String> tags) {

    public LineItem {
        tags = Set.copyOf(tags);
    }

    /** The top of the category path: "fishing" for "fishing/reels". */
    public String department() {
        if (category == null) {
            return null;
        }
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }

    public BigDecimal total() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
