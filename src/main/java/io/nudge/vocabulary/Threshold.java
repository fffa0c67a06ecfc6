package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A spend goal for one cart, such as "free shipping from 35.00". Rules get one from the
 * factories below with {@code from} and test it; all arithmetic on the goal lives here.
 */
public final class Threshold {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Rules name a handful of amounts; the bound only guards against amounts built at run time. */
    private static final int AMOUNTS_KEPT = 1024;
    private static final Map<String, Amount> AMOUNTS = new ConcurrentHashMap<>();

    private final BigDecimal amount;
    private final BigDecimal subtotal;

    Threshold(BigDecimal amount, BigDecimal subtotal) {
        this.amount = amount;
        this.subtotal = subtotal;
    }

    /**
     * The goal among {@code amounts} in the cart's currency: of "USD 35.00" and "EUR 40.00", a
     * EUR cart gets 40.00. None when the rule names no amount in the cart's currency (nor for
     * an amount without one, such as "75.00", which the check refuses).
     */
    public static List<Threshold> of(Cart cart, String... amounts) {
        Amount amount = Amount.inCurrencyOf(cart, amounts);
        return amount == null ? List.of() : List.of(new Threshold(amount.value(), cart.subtotal()));
    }

    /**
     * The smallest multiple of the cart currency's step strictly above {@code value}: 50 for 42
     * in steps of "USD 10", 5,000 for 4,200 in steps of "JPY 1000". None when no step is in the
     * cart's currency.
     */
    public static List<Threshold> nextStepAbove(Cart cart, BigDecimal value, String... steps) {
        return nextStepAbove(cart, value, BigDecimal.ZERO, steps);
    }

    /**
     * The same, but never below {@code floor}: a personal goal under the shop's own threshold
     * would promise less than every shopper already gets.
     */
    public static List<Threshold> nextStepAbove(Cart cart, BigDecimal value, Threshold floor, String... steps) {
        return nextStepAbove(cart, value, floor.getAmount(), steps);
    }

    private static List<Threshold> nextStepAbove(Cart cart, BigDecimal value, BigDecimal floor, String... steps) {
        Amount step = Amount.inCurrencyOf(cart, steps);
        return step == null || step.value().signum() <= 0 ? List.of()
                : List.of(new Threshold(nextMultiple(value, step.value()).max(floor), cart.subtotal()));
    }

    private static BigDecimal nextMultiple(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE).multiply(step);
    }

    /** An amount as a rule writes it, "USD 35.00", read once rather than on every decision; a bare "75.00" has no currency. */
    private record Amount(String currency, BigDecimal value) {

        static Amount inCurrencyOf(Cart cart, String... amounts) {
            for (String entry : amounts) {
                Amount amount = read(entry);
                if (cart.currency().equals(amount.currency())) {
                    return amount;
                }
            }
            return null;
        }

        private static Amount read(String entry) {
            Amount amount = AMOUNTS.get(entry);
            if (amount == null) {
                String[] parts = WHITESPACE.split(entry.strip());
                amount = new Amount(parts.length == 1 ? null : parts[0], new BigDecimal(parts[parts.length - 1]));
                if (AMOUNTS.size() < AMOUNTS_KEPT) {
                    AMOUNTS.put(entry, amount);
                }
            }
            return amount;
        }
    }

    public BigDecimal getAmount() {
        return amount;
    }

    /** What the cart still needs, exact; zero or less once reached. */
    public BigDecimal getRemaining() {
        return amount.subtract(subtotal);
    }

    /** True when what is still needed is at most {@code percent} % of the goal. */
    public boolean withinReach(int percent) {
        return getRemaining().multiply(HUNDRED).compareTo(amount.multiply(BigDecimal.valueOf(percent))) <= 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
