package io.nudge.vocabulary;

import java.util.Collection;
import java.util.List;

/**
 * The products of a category that a rule offers, narrowed in the look-up itself:
 * {@code catalog.inCategory( "fishing/terminal-tackle" ).tagged( $tag )}. It is the first
 * {@value Catalog#LOOK_UP_SIZE} products in stock that match every narrowing, in the feed's order.
 * A tag, a size or a single colour reads an index the catalog built when it loaded, and the look-up
 * stops once it has enough, so a category of 5,000 products costs a rule no more than one of five;
 * several colours at once are looked for along the shortest of those indexes.
 */
public interface Products extends List<Product> {

    /** Only products with this tag (a custom label, lower-case, such as "freshwater"); none when the tag is null. */
    Products tagged(String tag);

    /** Only products sold in this size; none when the size is null. */
    Products inSize(String size);

    /** Only products in at least one of these colours; none when there are none. */
    Products inAnyColorOf(Collection<String> colors);
}
