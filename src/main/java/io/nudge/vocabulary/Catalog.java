package io.nudge.vocabulary;

import java.util.List;

/**
 * The shop's products, as rules look them up through the global {@code catalog}. Every look-up
 * is a map read: none costs more as the catalog grows. A rule that then goes through a category's
 * products costs in proportion to that category: a pair in bought-together.csv costs less.
 */
public interface Catalog {

    /** The product with this sku, or null when the shop does not sell it. */
    Product product(String sku);

    /** The products of a category, such as "fishing/terminal-tackle", in stock, in the feed's order. */
    List<Product> inCategory(String category);

    /** The products of a line sold together, such as "Hydra", in stock, in the feed's order. */
    List<Product> ofLine(String line);

    /** The products shoppers buy with {@code sku}, in stock, best first. */
    List<Product> boughtWith(String sku);
}
