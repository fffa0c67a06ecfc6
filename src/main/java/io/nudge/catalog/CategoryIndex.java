package io.nudge.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nudge.vocabulary.Product;

/**
 * The products of one category in stock, in the feed's order, and the same by tag, size and
 * colour: what {@link CategoryLookUp} narrows a category with, built once when the catalog loads.
 */
final class CategoryIndex {

    static final CategoryIndex EMPTY = new CategoryIndex();

    final List<Product> all = new ArrayList<>();
    final Map<String, List<Product>> byTag = new HashMap<>();
    final Map<String, List<Product>> bySize = new HashMap<>();
    final Map<String, List<Product>> byColor = new HashMap<>();

    /** Indexes the next product of the category; products come in the feed's order. */
    void add(Product product) {
        all.add(product);
        product.tags().forEach(tag -> byTag.computeIfAbsent(tag, key -> new ArrayList<>()).add(product));
        product.sizes().forEach(size -> bySize.computeIfAbsent(size, key -> new ArrayList<>()).add(product));
        product.colors().forEach(color -> byColor.computeIfAbsent(color, key -> new ArrayList<>()).add(product));
    }

    /** Trims the lists once every product is in: a large catalog holds many of them. */
    void seal() {
        ((ArrayList<Product>) all).trimToSize();
        for (Map<String, List<Product>> index : List.of(byTag, bySize, byColor)) {
            index.values().forEach(list -> ((ArrayList<Product>) list).trimToSize());
        }
    }
}
