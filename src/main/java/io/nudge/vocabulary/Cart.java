package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shopper's cart: its ISO 4217 currency code (such as "USD"), its lines, and its subtotal as
 * the storefront charges it: each line's price x quantity rounded half-even to the currency's
 * minor unit, then added up. Coupons, cart discounts, shipping and tax are not part of it.
 */
public record Cart(String currency, List<LineItem> items, BigDecimal subtotal) {

    public static Cart of(Currency currency, List<LineItem> items) {
        int minorUnits = currency.getDefaultFractionDigits();
        // Rounded per line, as charged: a goal is never "0.01 away" from a subtotal shown as reaching it.
        BigDecimal subtotal = items.stream().map(item -> item.total().setScale(minorUnits, RoundingMode.HALF_EVEN))
                .reduce(BigDecimal.ZERO.setScale(minorUnits), BigDecimal::add);
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
