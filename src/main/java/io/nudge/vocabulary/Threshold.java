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
    private static final int GOALS_KEPT = 1024;
    private static final Map<String, Goal> GOALS = new ConcurrentHashMap<>();

    private final BigDecimal amount;
    private final BigDecimal subtotal;

    Threshold(BigDecimal amount, BigDecimal subtotal) {
        this.amount = amount;
        this.subtotal = subtotal;
    }

    /**
     * The goal among {@code amounts} that applies to the cart: "USD 35.00" applies to USD
     * carts only, a bare "75.00" to carts in any currency. None when no amount applies.
     */
    public static List<Threshold> of(Cart cart, String... amounts) {
        for (String entry : amounts) {
            Goal goal = goal(entry);
            if (goal.currency() == null || goal.currency().equals(cart.currency())) {
                return List.of(new Threshold(goal.amount(), cart.subtotal()));
            }
        }
        return List.of();
    }

    /** An amount as a rule writes it, "USD 35.00" or "75.00", read once rather than on every decision. */
    private record Goal(String currency, BigDecimal amount) {
        static Goal parse(String entry) {
            String[] parts = WHITESPACE.split(entry.strip());
            return new Goal(parts.length == 1 ? null : parts[0], new BigDecimal(parts[parts.length - 1]));
        }
    }

    private static Goal goal(String entry) {
        Goal goal = GOALS.get(entry);
        if (goal == null) {
            goal = Goal.parse(entry);
            if (GOALS.size() < GOALS_KEPT) {
                GOALS.put(entry, goal);
            }
        }
        return goal;
    }

    /** The smallest multiple of {@code step} strictly above {@code value}: 50 for 42 in steps of 10. */
    public static List<Threshold> nextMultipleAbove(Cart cart, BigDecimal value, int step) {
        return List.of(new Threshold(nextMultiple(value, step), cart.subtotal()));
    }

    /**
     * The same, but never below {@code floor}: a personal goal under the shop's own threshold
     * would promise less than every shopper already gets.
     */
    public static List<Threshold> nextMultipleAbove(Cart cart, BigDecimal value, int step, Threshold floor) {
        return List.of(new Threshold(nextMultiple(value, step).max(floor.getAmount()), cart.subtotal()));
    }

    private static BigDecimal nextMultiple(BigDecimal value, int step) {
        BigDecimal size = BigDecimal.valueOf(step);
        return value.divide(size, 0, RoundingMode.FLOOR).add(BigDecimal.ONE).multiply(size);
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
