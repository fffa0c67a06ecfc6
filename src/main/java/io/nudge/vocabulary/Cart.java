package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shopper's cart: its ISO 4217 currency code (such as "USD"), its lines, and the exact
 * sum of price x quantity, which rules compare unrounded.
 */
public record Cart(String currency, List<LineItem> items, BigDecimal subtotal) {

    public static Cart of(Currency currency, List<LineItem> items) {
        BigDecimal subtotal = items.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cart(currency.getCurrencyCode(), List.copyOf(items), subtotal);
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    /** The product lines (such as "Hydra") of the cart's items in a department (such as "beauty"), each once. */
    public Set<String> linesIn(String department) {
        Set<String> lines = new LinkedHashSet<>();
        for (LineItem item : items) {
            if (item.line() != null && department.equals(item.department())) {
                lines.add(item.line());
            }
        }
        return lines;
    }

    public boolean contains(String sku) {
        return items.stream().anyMatch(item -> item.sku().equals(sku));
    }
}
