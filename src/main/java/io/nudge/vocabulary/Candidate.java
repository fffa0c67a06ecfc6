package io.nudge.vocabulary;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A nudge a rule proposes. Rules insert candidates with the factories below; arbitration
 * then decides which ones the shopper sees. A message is written in the shop's default
 * language and translated in {@code rules/messages/}; it may hold {@code {remaining}} and
 * {@code {threshold}} (amounts formatted for the shopper's locale), {@code {line}} (the
 * suggested products' line), {@code {product}} (the cart line it is {@link #about}) and, in the
 * variant {@link #toNamedShopper} gives, {@code {firstName}}.
 */
public final class Candidate {

    /** The placeholders a message may hold. */
    public static final Set<String> PLACEHOLDERS = Set.of("remaining", "threshold", "firstName", "product", "line");

    private final NudgeType type;
    private final String message;
    private final String namedMessage;
    private final String about;
    private final Threshold threshold;
    private final List<Product> products;

    private Candidate(NudgeType type, String message, String namedMessage, String about, Threshold threshold,
            Collection<Product> products) {
        this.type = type;
        this.message = message;
        this.namedMessage = namedMessage;
        this.about = about;
        this.threshold = threshold;
        this.products = List.copyOf(products);
    }

    private Candidate(NudgeType type, String message, Threshold threshold, Collection<Product> products) {
        this(type, message, null, null, threshold, products);
    }

    /** The same nudge with a message for shoppers whose first name is known: "{firstName}, complete your {line} routine". */
    public Candidate toNamedShopper(String messageWithFirstName) {
        return new Candidate(type, message, messageWithFirstName, about, threshold, products);
    }

    /** The same nudge about a line of the cart, whose name fills {@code {product}}: "Often bought together with {product}". */
    public Candidate about(LineItem item) {
        return new Candidate(type, message, namedMessage, item.name() == null ? item.sku() : item.name(), threshold, products);
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

    /** The message for a shopper whose first name is known; null when the rule gives none. */
    public String getNamedMessage() {
        return namedMessage;
    }

    /** The name of the cart line the nudge is about; null when the rule names none. */
    public String getAbout() {
        return about;
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
