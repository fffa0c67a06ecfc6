package io.nudge.decision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** What the storefront knows of the shopper; every field may be missing. */
public final class Shopper {

    private final String id;
    private final String firstName;
    private final Set<String> segments;
    private final BigDecimal averageOrderValue;
    private final Integer orderCount;
    private final String size;
    private final Set<String> preferredColors;
    private final List<Integer> childrenAges;

    public Shopper(String id, String firstName, Set<String> segments, BigDecimal averageOrderValue, Integer orderCount,
            String size, Set<String> preferredColors, List<Integer> childrenAges) {
        this.id = id;
        this.firstName = firstName;
        this.segments = Set.copyOf(segments);
        this.averageOrderValue = averageOrderValue == null ? BigDecimal.ZERO : averageOrderValue;
        this.orderCount = orderCount;
        this.size = size;
        this.preferredColors = Set.copyOf(preferredColors);
        this.childrenAges = List.copyOf(childrenAges);
    }

    public static Shopper anonymous() {
        return new Shopper(null, null, Set.of(), null, null, null, Set.of(), List.of());
    }

    public String getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public Set<String> getSegments() {
        return segments;
    }

    /** Zero when unknown, so rules can simply test {@code averageOrderValue > 0}. */
    public BigDecimal getAverageOrderValue() {
        return averageOrderValue;
    }

    public Integer getOrderCount() {
        return orderCount;
    }

    public String getSize() {
        return size;
    }

    public Set<String> getPreferredColors() {
        return preferredColors;
    }

    public List<Integer> getChildrenAges() {
        return childrenAges;
    }

    /** True when the shopper told us their children's ages and every child is older than {@code age}. */
    public boolean hasOnlyChildrenOlderThan(Integer age) {
        return age != null && !childrenAges.isEmpty() && childrenAges.stream().allMatch(childAge -> childAge > age);
    }
}
