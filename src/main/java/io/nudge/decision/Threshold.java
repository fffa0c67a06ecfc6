package io.nudge.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A spend goal for one cart, such as "free shipping from 35.00". Rules get one from the
 * factories below with {@code from} and test it; all arithmetic on the goal lives here.
 */
public final class Threshold {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
            String[] parts = entry.strip().split("\\s+");
            if (parts.length == 1 || parts[0].equals(cart.currency())) {
                BigDecimal amount = new BigDecimal(parts[parts.length - 1]);
                return List.of(new Threshold(amount, cart.subtotal()));
            }
        }
        return List.of();
    }

    /** The smallest multiple of {@code step} strictly above {@code value}: 50 for 42 in steps of 10. */
    public static List<Threshold> nextMultipleAbove(Cart cart, BigDecimal value, int step) {
        BigDecimal size = BigDecimal.valueOf(step);
        BigDecimal multiples = value.divide(size, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        return List.of(new Threshold(multiples.multiply(size), cart.subtotal()));
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
