package io.nudge.vocabulary;

import java.util.Collection;
import java.util.List;

/**
 * A nudge a rule proposes. Rules insert candidates with the factories below; arbitration
 * then decides which ones the shopper sees. Messages may hold {remaining} and {threshold},
 * which are filled in with amounts formatted for the shopper's locale.
 */
public final class Candidate {

    private final NudgeType type;
    private final String message;
    private final Threshold threshold;
    private final List<Product> products;

    private Candidate(NudgeType type, String message, Threshold threshold, Collection<Product> products) {
        this.type = type;
        this.message = message;
        this.threshold = threshold;
        this.products = List.copyOf(products);
    }

    public static Candidate freeShipping(Threshold threshold, String message) {
        return new Candidate(NudgeType.FREE_SHIPPING, message, threshold, List.of());
    }

    public static Candidate discount(Threshold threshold, String message) {
        return new Candidate(NudgeType.DISCOUNT, message, threshold, List.of());
    }

    public static Candidate gift(Threshold threshold, String message) {
        return new Candidate(NudgeType.GIFT, message, threshold, List.of());
    }

    public static Candidate crossSell(Collection<Product> products, String message) {
        return new Candidate(NudgeType.CROSS_SELL, message, null, products);
    }

    public static Candidate crossSell(Product product, String message) {
        return crossSell(List.of(product), message);
    }

    public static Candidate upsell(Collection<Product> products, String message) {
        return new Candidate(NudgeType.UPSELL, message, null, products);
    }

    public static Candidate bundle(Collection<Product> products, String message) {
        return new Candidate(NudgeType.BUNDLE, message, null, products);
    }

    public NudgeType getType() {
        return type;
    }

    public String getMessage() {
        return message;
    }

    /** The spend goal of a FREE_SHIPPING, DISCOUNT or GIFT nudge; null for product nudges. */
    public Threshold getThreshold() {
        return threshold;
    }

    public List<Product> getProducts() {
        return products;
    }

    @Override
    public String toString() {
        return type + " " + products;
    }
}
