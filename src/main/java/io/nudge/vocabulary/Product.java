package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A product the shop sells, as rules see it when they suggest one. {@code line} is a range sold
 * together (such as "Hydra"); {@code maxChildAge} is the oldest child it is meant for. Both may be null.
 */
public record Product(String sku, String name, String category, String line, BigDecimal price,
        Set<String> tags, Set<String> sizes, Set<String> colors, Integer maxChildAge) {

    public Product {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        sizes = Collections.unmodifiableSortedSet(new TreeSet<>(sizes));
        colors = Collections.unmodifiableSortedSet(new TreeSet<>(colors));
    }

    public boolean availableIn(String size) {
        return sizes.contains(size);
    }

    public boolean comesInAnyOf(Collection<String> wantedColors) {
        return wantedColors.stream().anyMatch(colors::contains);
    }
}
