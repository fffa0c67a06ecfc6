package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the storefront knows of the shopper; any field may be missing. An unknown average order
 * value is zero, so rules can simply test {@code averageOrderValue > 0}.
 */
public record Shopper(String id, String firstName, Set<String> segments, BigDecimal averageOrderValue, Integer orderCount,
        String size, Set<String> preferredColors, List<Integer> childrenAges) {

    public Shopper {
        segments = Collections.unmodifiableSortedSet(new TreeSet<>(segments));
        averageOrderValue = averageOrderValue == null ? BigDecimal.ZERO : averageOrderValue;
        preferredColors = Collections.unmodifiableSortedSet(new TreeSet<>(preferredColors));
        childrenAges = List.copyOf(childrenAges);
    }

    /** Leaves out the id and first name, so no log or exception message can carry them. */
    @Override
    public String toString() {
        return "Shopper[segments=" + segments + ", averageOrderValue=" + averageOrderValue + ", orderCount=" + orderCount
                + ", size=" + size + ", preferredColors=" + preferredColors + ", childrenAges=" + childrenAges
                + "; id and first name withheld]";
    }

    public static Shopper anonymous() {
        return new Shopper(null, null, Set.of(), null, null, null, Set.of(), List.of());
    }

    /** True when the shopper told us their children's ages and every child is older than {@code age}. */
    public boolean hasOnlyChildrenOlderThan(Integer age) {
        return age != null && !childrenAges.isEmpty() && childrenAges.stream().allMatch(childAge -> childAge > age);
    }
}
