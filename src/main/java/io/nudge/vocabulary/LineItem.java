package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A line of the cart, with the catalog's details filled in where the storefront sent none.
 * {@code price} is the unit price actually charged, exact as sent. {@code tags} are sorted, so
 * that rules walk them in the same order on every replica and after every start.
 */
public record LineItem(String sku, int quantity, BigDecimal price, String name, String category, String line, Set<String> tags) {

    public LineItem {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
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
