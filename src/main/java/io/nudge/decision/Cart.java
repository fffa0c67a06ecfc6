package io.nudge.decision;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The shopper's cart: its currency, exact subtotal and lines. */
public final class Cart {

    private final Currency currency;
    private final List<LineItem> items;
    private final BigDecimal subtotal;
    private final Set<String> skus = new HashSet<>();

    public Cart(Currency currency, List<LineItem> items) {
        this.currency = currency;
        this.items = List.copyOf(items);
        this.subtotal = items.stream().map(LineItem::getTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        items.forEach(item -> skus.add(item.getSku()));
    }

    /** The ISO 4217 code, such as "USD". */
    public String getCurrency() {
        return currency.getCurrencyCode();
    }

    public Currency currency() {
        return currency;
    }

    public List<LineItem> getItems() {
        return items;
    }

    /** Sum of price x quantity, exact: rules compare unrounded values. */
    public BigDecimal getSubtotal() {
        return subtotal;
    }

    /** The product lines (such as "Hydra") of the cart's items in a department (such as "beauty"), each once. */
    public Set<String> linesIn(String department) {
        Set<String> lines = new LinkedHashSet<>();
        for (LineItem item : items) {
            if (item.getLine() != null && department.equals(item.getDepartment())) {
                lines.add(item.getLine());
            }
        }
        return lines;
    }

    public boolean contains(String sku) {
        return skus.contains(Objects.requireNonNull(sku));
    }
}
