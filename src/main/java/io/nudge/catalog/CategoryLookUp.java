package io.nudge.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Products;

/**
 * A category narrowed by tag, size and colours: the first {@value Catalog#LOOK_UP_SIZE} products
 * that match, in the feed's order. It reads the shortest index that applies and stops once it has
 * enough, so its cost does not grow with the category. Worked out when a rule first reads it.
 */
final class CategoryLookUp extends AbstractList<Product> implements Products {

    private final CategoryIndex index;
    private final String tag;
    private final String size;
    private final Set<String> colors;
    private final boolean none;
    private List<Product> first;

    CategoryLookUp(CategoryIndex index) {
        this(index, null, null, null, false);
    }

    private CategoryLookUp(CategoryIndex index, String tag, String size, Set<String> colors, boolean none) {
        this.index = index;
        this.tag = tag;
        this.size = size;
        this.colors = colors;
        this.none = none;
    }

    @Override
    public Products tagged(String wanted) {
        return new CategoryLookUp(index, wanted, size, colors, none || wanted == null);
    }

    @Override
    public Products inSize(String wanted) {
        return new CategoryLookUp(index, tag, wanted, colors, none || wanted == null);
    }

    @Override
    public Products inAnyColorOf(Collection<String> wanted) {
        return new CategoryLookUp(index, tag, size, wanted == null ? Set.of() : Set.copyOf(wanted), none || wanted == null || wanted.isEmpty());
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
        List<Product> from = index.all;
        if (tag != null) {
            from = shorter(from, index.byTag.get(tag));
        }
        if (size != null) {
            from = shorter(from, index.bySize.get(size));
        }
        if (colors != null && colors.size() == 1) {
            from = shorter(from, index.byColor.get(colors.iterator().next()));
        }
        if (from.isEmpty()) {
            return List.of();
        }
        if (tag == null && size == null && colors == null) {
            return List.copyOf(from.subList(0, Math.min(Catalog.LOOK_UP_SIZE, from.size())));
        }
        List<Product> matching = new ArrayList<>();
        for (Product product : from) {
            if ((tag == null || product.tags().contains(tag)) && (size == null || product.sizes().contains(size))
                    && (colors == null || product.comesInAnyOf(colors))) {
                matching.add(product);
                if (matching.size() == Catalog.LOOK_UP_SIZE) {
                    break;
                }
            }
        }
        return List.copyOf(matching);
    }

    /** The index to read: none at all when a criterion matches no product of the category. */
    private static List<Product> shorter(List<Product> current, List<Product> candidate) {
        return candidate == null ? List.of() : candidate.size() < current.size() ? candidate : current;
    }
}
