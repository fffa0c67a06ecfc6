package io.nudge.decision;

import java.math.BigDecimal;
import java.util.Set;

/** A line of the cart, with the catalog's details filled in where the storefront sent none. */
public final class LineItem {

    private final String sku;
    private final int quantity;
    private final BigDecimal price;
    private final String name;
    private final String category;
    private final String line;
    private final Set<String> tags;

    public LineItem(String sku, int quantity, BigDecimal price, String name, String category, String line, Set<String> tags) {
        this.sku = sku;
        this.quantity = quantity;
        this.price = price;
        this.name = name;
        this.category = category;
        this.line = line;
        this.tags = Set.copyOf(tags);
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    /** The unit price actually charged, exact as sent. */
    public BigDecimal getPrice() {
        return price;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }

    /** The top of the category path: "fishing" for "fishing/reels". */
    public String getDepartment() {
        if (category == null) {
            return null;
        }
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }

    public String getLine() {
        return line;
    }

    public Set<String> getTags() {
        return tags;
    }

    public BigDecimal getTotal() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    @Override
    public String toString() {
        return sku;
    }
}
