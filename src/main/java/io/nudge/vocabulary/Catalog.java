package io.nudge.vocabulary;

import java.util.List;

/**
 * The shop's products, as rules look them up through the global {@code catalog}. Every look-up
 * reads an index built when the catalog loaded and offers at most the first {@value #LOOK_UP_SIZE}
 * products in stock, in the feed's order (pairs best first): a catalog of a million products costs
 * a decision no more than one of eighteen. Narrow a category in the look-up
 * ({@link Products#tagged}, {@link Products#inSize}, {@link Products#inAnyColorOf}), not in the
 * rule's conditions, which would see only the first few of it.
 */
public interface Catalog {

    /** The most products one look-up offers: far more than a nudge shows, so that vetoes leave enough. */
    int LOOK_UP_SIZE = 24;

    /** The product with this sku, or null when the shop does not sell it. */
    Product product(String sku);

    /** The products of a category, such as "fishing/terminal-tackle", in stock, in the feed's order. */
    Products inCategory(String category);

    /** The products of a line sold together, such as "Hydra", in stock, in the feed's order. */
    List<Product> ofLine(String line);

    /** The products shoppers buy with {@code sku}, in stock, best first. */
    List<Product> boughtWith(String sku);
}
