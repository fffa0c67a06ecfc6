package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A product the shop sells, as rules see it when they suggest one. {@code prices} holds its
 * price in each currency the shop sells it in, by ISO code. {@code line} is a range sold
 * together (such as "Hydra"); {@code maxChildAge} is the oldest child it is meant for. Both may be null.
 */
public record Product(String sku, String name, String category, String line, Map<String, BigDecimal> prices,
        Set<String> tags, Set<String> sizes, Set<String> colors, Integer maxChildAge) {

    public Product {
        prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        sizes = Collections.unmodifiableSortedSet(new TreeSet<>(sizes));
        colors = Collections.unmodifiableSortedSet(new TreeSet<>(colors));
    }

    /** The price in {@code currency}, such as "EUR"; null when the shop has none in it, so the product is shown without one. */
    public BigDecimal priceIn(String currency) {
        return prices.get(currency);
    }

    public boolean availableIn(String size) {
        return sizes.contains(size);
    }

    public boolean comesInAnyOf(Collection<String> wantedColors) {
        return wantedColors.stream().anyMatch(colors::contains);
    }
}
