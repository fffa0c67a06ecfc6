package io.nudge.vocabulary;

import java.util.List;

/**
 * The shop's products, as rules look them up through the global {@code catalog}. Every look-up
 * is a map read: none costs more as the catalog grows.
 */
public interface Catalog {

    /** The product with this sku, or null when the shop does not sell it. */
    Product product(String sku);

    /** The products of a category, such as "fishing/terminal-tackle". */
    List<Product> inCategory(String category);

    /** The products of a line sold together, such as "Hydra". */
    List<Product> ofLine(String line);

    /** The products shoppers buy with {@code sku}, best first. */
    List<Product> boughtWith(String sku);
}
