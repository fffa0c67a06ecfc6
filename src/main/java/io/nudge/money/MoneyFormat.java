package io.nudge.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Formats an amount the way shoppers of a locale read it: "$8.00" in en-US, "8,00 €" in de-DE. */
public final class MoneyFormat {

    private record Style(Locale locale, Currency currency) {
    }

    // Building a currency format costs more than formatting with it, and formats are not
    // thread-safe: each thread keeps the ones it has built. Locales come from requests, so a
    // thread keeps a bounded number and starts over when it has built more.
    private static final int KEPT_PER_THREAD = 256;
    private static final ThreadLocal<Map<Style, NumberFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        Map<Style, NumberFormat> formats = FORMATS.get();
        if (formats.size() >= KEPT_PER_THREAD) {
            formats.clear();
        }
        return formats.computeIfAbsent(new Style(locale, currency), MoneyFormat::newFormat).format(amount);
    }

    private static NumberFormat newFormat(Style style) {
        NumberFormat format = NumberFormat.getCurrencyInstance(style.locale());
        format.setCurrency(style.currency());
        format.setMinimumFractionDigits(style.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(style.currency().getDefaultFractionDigits());
        return format;
    }
}
