package io.nudge.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Rounding of exact amounts to a currency's minor units. Arithmetic stays exact until an
 * amount leaves the service; only then is it rounded, in the direction the shopper needs.
 */
public final class Money {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** The currency for an ISO 4217 code, or {@code null} when the code is unknown or has no minor unit (XXX, XAU, ...). */
    public static Currency currencyOrNull(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** An amount shown to the shopper, such as a subtotal or a price: banker's rounding. */
    public static BigDecimal shown(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    /** An amount still to spend: rounded up, so that spending it really reaches the goal. */
    public static BigDecimal stillNeeded(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.CEILING);
    }
}
