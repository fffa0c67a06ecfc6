package io.nudge.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;

/** A product the shop sells, as rules see it when they suggest one. */
public final class Product {

    private final String sku;
    private final String name;
    private final String category;
    private final String line;
    private final BigDecimal price;
    private final Set<String> tags;
    private final Set<String> sizes;
    private final Set<String> colors;
    private final Integer maxChildAge;

    public Product(String sku, String name, String category, String line, BigDecimal price,
            Set<String> tags, Set<String> sizes, Set<String> colors, Integer maxChildAge) {
        this.sku = sku;
        this.name = name;
        this.category = category;
        this.line = line;
        this.price = price;
        this.tags = Set.copyOf(tags);
        this.sizes = Set.copyOf(sizes);
        this.colors = Set.copyOf(colors);
        this.maxChildAge = maxChildAge;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }

    /** The product line (a range sold together, such as "Hydra"), or null. */
    public String getLine() {
        return line;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public Set<String> getTags() {
        return tags;
    }

    public Set<String> getSizes() {
        return sizes;
    }

    public Set<String> getColors() {
        return colors;
    }

    /** The oldest child the product is meant for, or null when it has no age limit. */
    public Integer getMaxChildAge() {
        return maxChildAge;
    }

    public boolean availableIn(String size) {
        return sizes.contains(size);
    }

    public boolean comesInAnyOf(Collection<String> wantedColors) {
        return wantedColors.stream().anyMatch(colors::contains);
    }

    @Override
    public String toString() {
        return sku;
    }
}
