package io.nudge.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Products;

/**
 * A category narrowed by tags, sizes and colours, every narrowing holding at once: the first
 * {@value Catalog#LOOK_UP_SIZE} products that match, in the feed's order. It reads the shortest index
 * that applies (a tag's, a size's, a single colour's) and stops once it has enough. Worked out when a
 * rule first reads it; the result never changes, so sharing one between threads is safe.
 */
final class CategoryLookUp extends AbstractList<Product> implements Products {

    private final CategoryIndex index;
    private final List<String> tags;
    private final List<String> sizes;
    /** Each a set of colours of which a product must come in one. */
    private final List<Set<String>> colors;
    /** A narrowing matched nothing (a null tag or size, no colours): no product can match. */
    private final boolean none;
    private List<Product> first;

    CategoryLookUp(CategoryIndex index) {
        this(index, List.of(), List.of(), List.of(), false);
    }

    private CategoryLookUp(CategoryIndex index, List<String> tags, List<String> sizes, List<Set<String>> colors, boolean none) {
        this.index = index;
        this.tags = tags;
        this.sizes = sizes;
        this.colors = colors;
        this.none = none;
    }

    @Override
    public Products tagged(String tag) {
        return new CategoryLookUp(index, tag == null ? tags : with(tags, tag), sizes, colors, none || tag == null);
    }

    @Override
    public Products inSize(String size) {
        return new CategoryLookUp(index, tags, size == null ? sizes : with(sizes, size), colors, none || size == null);
    }

    @Override
    public Products inAnyColorOf(Collection<String> wanted) {
        boolean nothing = wanted == null || wanted.isEmpty();
        return new CategoryLookUp(index, tags, sizes, nothing ? colors : with(colors, Set.copyOf(wanted)), none || nothing);
    }

    @Override
    public Product get(int i) {
        return first().get(i);
    }

    @Override
    public int size() {
        return first().size();
    }

    private List<Product> first() {
        List<Product> found = first;
        if (found == null) {
            found = none ? List.of() : find();
            first = found;
        }
        return found;
    }

    private List<Product> find() {
        if (tags.isEmpty() && sizes.isEmpty() && colors.isEmpty()) {
            return ProductCatalog.first(index.all);
        }
        List<Product> from = index.all;
        for (String tag : tags) {
            from = shorter(from, index.byTag.get(tag));
        }
        for (String size : sizes) {
            from = shorter(from, index.bySize.get(size));
        }
        for (Set<String> anyOf : colors) {
            if (anyOf.size() == 1) {
                from = shorter(from, index.byColor.get(anyOf.iterator().next()));
            }
        }
        List<Product> matching = new ArrayList<>();
        for (Product product : from) {
            if (product.tags().containsAll(tags) && product.sizes().containsAll(sizes) && colors.stream().allMatch(product::comesInAnyOf)) {
                matching.add(product);
                if (matching.size() == Catalog.LOOK_UP_SIZE) {
                    break;
                }
            }
        }
        return List.copyOf(matching);
    }

    /** The index to read: none at all when a narrowing matches no product of the category. */
    private static List<Product> shorter(List<Product> current, List<Product> candidate) {
        return candidate == null ? List.of() : candidate.size() < current.size() ? candidate : current;
    }

    private static <T> List<T> with(List<T> list, T more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
}
