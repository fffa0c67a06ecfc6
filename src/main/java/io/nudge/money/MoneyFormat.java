package io.nudge.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Formats an amount the way shoppers of a locale read it: "$8.00" in en-US, "8,00 €" in de-DE. */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        // NumberFormat is not thread-safe, so each call gets its own.
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount);
    }
}
