package io.nudge.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

/**
 * Rounding of exact amounts to a currency's minor units. Arithmetic stays exact until an
 * amount leaves the service; only then is it rounded, in the direction the shopper needs.
 */
public final class Money {

    // ISO 4217 list one as of 2026, without what no shop charges in: funds (CLF, USN, ...), metals
    // and X-codes for tests. Replaced codes (ESP, DEM, HRK, BGN, ANG, SLL, ZWL, CUC, ...) are out too.
    private static final Set<String> IN_USE = Set.of("""
            AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
            CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
            GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
            KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR
            MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR
            SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
            USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
            """.strip().split("\\s+"));

    private Money() {
    }

    /** The currency for the ISO 4217 code of a currency in use, or {@code null} (XXX, XAU, CLF, ESP, ...). */
    public static Currency currencyOrNull(String code) {
        if (code == null || !IN_USE.contains(code)) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknownToThisJdk) {
            return null;
        }
    }

    /**
     * An amount as the shop writes it, "USD 12.99": a currency in use and a number of at least 0, with no more
     * decimals than the currency's minor unit has, as its code and value; null when it is not one (no currency, a
     * currency not in use, below 0, "USD 35.001" or "JPY 1500.5", which no shopper could pay).
     */
    public static Map.Entry<String, BigDecimal> amountOrNull(String written) {
        String[] parts = written.strip().split("\\s+");
        if (parts.length != 2 || currencyOrNull(parts[0]) == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(parts[1]);
            boolean payable = amount.signum() >= 0
                    && amount.stripTrailingZeros().scale() <= currencyOrNull(parts[0]).getDefaultFractionDigits();
            return payable ? Map.entry(parts[0], amount) : null;
        } catch (NumberFormatException notANumber) {
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
