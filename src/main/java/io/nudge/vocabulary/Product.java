package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A product the shop sells, as rules see it when they suggest one, read from the shop's product feed.
 * {@code category} is the feed's product type as a path ("home-garden/kitchen/cookware"); {@code prices}
 * holds the regular price in each currency the shop sells it in, by ISO code, and {@code sales} a sale
 * price with its dates. {@code available} is true only while the product is in stock: only then is it
 * ever suggested. {@code line} is a range sold together (such as "Hydra"); {@code ageGroup} the feed's
 * age group ("toddler") and {@code maxChildAge} the oldest child, in years, it is meant for. Those, the
 * brand, {@code googleProductCategory} and {@code itemGroupId} (which ties variants together) may be null.
 */
public record Product(String sku, String name, String category, String line, Map<String, BigDecimal> prices,
        Set<String> tags, Set<String> sizes, Set<String> colors, Integer maxChildAge,
        String brand, String googleProductCategory, String itemGroupId, String availability, String ageGroup,
        Map<String, Sale> sales) {

    public static final String IN_STOCK = "in_stock";

    public Product {
        prices = sortedMap(prices);
        sales = sortedMap(sales);
        tags = sortedSet(tags);
        sizes = sortedSet(sizes);
        colors = sortedSet(colors);
    }

    /** A product in stock, without the feed's further attributes: what tests and small catalogs need. */
    public Product(String sku, String name, String category, String line, Map<String, BigDecimal> prices,
            Set<String> tags, Set<String> sizes, Set<String> colors, Integer maxChildAge) {
        this(sku, name, category, line, prices, tags, sizes, colors, maxChildAge, null, null, null, IN_STOCK, null, Map.of());
    }

    /**
     * The sku's hash (equal products have equal skus): a rule that looks through a category has the engine hash
     * every product it meets, and hashing each price and tag, as a record does, cost more than the rest of it.
     */
    @Override
    public int hashCode() {
        return sku.hashCode();
    }

    /** Whether the shop has it in stock: only such products are suggested. */
    public boolean available() {
        return IN_STOCK.equals(availability);
    }

    /** The top level of the category, such as "home-garden"; null without a category. */
    public String department() {
        if (category == null) {
            return null;
        }
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }

    /** The regular price in {@code currency}, such as "EUR"; null when the shop has none in it, so the product is shown without one. */
    public BigDecimal priceIn(String currency) {
        return prices.get(currency);
    }

    /** The price a shopper pays at {@code at}: the sale price while the sale is in effect, else the regular one. */
    public BigDecimal priceIn(String currency, Instant at) {
        Sale sale = sales.get(currency);
        return sale != null && sale.inEffectAt(at) ? sale.price() : prices.get(currency);
    }

    public boolean availableIn(String size) {
        return sizes.contains(size);
    }

    public boolean comesInAnyOf(Collection<String> wantedColors) {
        return wantedColors.stream().anyMatch(colors::contains);
    }

    // Most products have no sizes, colours or sale, and a price in one currency: sharing the empty collections, keeping a
    // single entry in the smallest map, and sharing the sets a catalog hands in already sorted keep a large catalog small.
    // A set handed in sorted and unmodifiable is kept as it is: whoever made it must not change what it wraps.
    private static <V> Map<String, V> sortedMap(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Collections.emptySortedMap();
        }
        if (map.size() == 1) {
            Map.Entry<String, V> only = map.entrySet().iterator().next();
            return Map.of(only.getKey(), only.getValue());
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static final Class<?> SHARED_SORTED_SET = Collections.unmodifiableSortedSet(new TreeSet<>()).getClass();

    private static SortedSet<String> sortedSet(Set<String> set) {
        if (set == null || set.isEmpty()) {
            return Collections.emptySortedSet();
        }
        if (set.getClass() == SHARED_SORTED_SET && ((SortedSet<String>) set).comparator() == null) {
            return (SortedSet<String>) set;
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }
}
