package io.nudge.vocabulary;

/** The kinds of message Nudge shows, with the priority arbitration ranks them by. */
public enum NudgeType {
    FREE_SHIPPING(100, Shape.THRESHOLD),
    GIFT(90, Shape.THRESHOLD),
    DISCOUNT(80, Shape.THRESHOLD),
    BUNDLE(70, Shape.PRODUCTS),
    CROSS_SELL(60, Shape.PRODUCTS),
    UPSELL(50, Shape.PRODUCTS);

    /** Whether a nudge points at a spend goal or at products to add. */
    public enum Shape {
        THRESHOLD, PRODUCTS
    }

    private final int priority;
    private final Shape shape;

    NudgeType(int priority, Shape shape) {
        this.priority = priority;
        this.shape = shape;
    }

    public int priority() {
        return priority;
    }

    public Shape shape() {
        return shape;
    }
}
