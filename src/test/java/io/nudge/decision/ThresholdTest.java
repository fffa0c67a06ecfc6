package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.Threshold;

class ThresholdTest {

    static Cart cart(String currency, String subtotal) {
        return Cart.of(Currency.getInstance(currency),
                List.of(new LineItem("SKU", 1, new BigDecimal(subtotal), null, null, null, Set.of())));
    }

    @Test
    void shouldPickTheAmountInTheCartsCurrency() {
        assertThat(Threshold.of(cart("EUR", "10"), "USD 35.00", "EUR 40.00")).singleElement()
                .extracting(Threshold::getAmount).isEqualTo(new BigDecimal("40.00"));
    }

    @Test
    void shouldHaveNoThresholdForACurrencyWithoutOne() {
        assertThat(Threshold.of(cart("GBP", "10"), "USD 35.00", "EUR 40.00")).isEmpty();
    }

    @Test
    void shouldMeasureTheGoalFromTheSubtotalAsCharged() {
        // A line of 34.994 is charged 34.99; one of 34.995, 35.00, which reaches the goal.
        assertThat(Threshold.of(cart("USD", "34.994"), "USD 35.00").get(0).getRemaining()).isEqualByComparingTo("0.01");
        assertThat(Threshold.of(cart("USD", "34.995"), "USD 35.00").get(0).getRemaining()).isEqualByComparingTo("0");
    }

    @Test
    void shouldApplyAnAmountWithoutCurrencyToNoCart() {
        assertThat(Threshold.of(cart("USD", "10"), "75.00")).isEmpty();
        assertThat(Threshold.of(cart("JPY", "10"), "75.00")).isEmpty();
    }

    @Test
    void shouldAimAtTheFloorWhenTheNextStepIsBelowIt() {
        Cart cart = cart("USD", "28.00");
        Threshold standard = Threshold.of(cart, "USD 35.00").get(0);
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("25.00"), standard, "USD 10").get(0).getAmount()).isEqualByComparingTo("35");
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("42.00"), standard, "USD 10").get(0).getAmount()).isEqualByComparingTo("50");
    }

    @Test
    void shouldRoundUpToTheNextStepStrictlyAbove() {
        Cart cart = cart("USD", "1");
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("42.00"), "USD 10").get(0).getAmount()).isEqualByComparingTo("50");
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("40.00"), "USD 10").get(0).getAmount()).isEqualByComparingTo("50");
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("0.01"), "USD 10").get(0).getAmount()).isEqualByComparingTo("10");
        assertThat(Threshold.nextStepAbove(cart, new BigDecimal("39.999"), "USD 10").get(0).getAmount()).isEqualByComparingTo("40");
    }

    @Test
    void shouldStepInTheCartsCurrency() {
        assertThat(Threshold.nextStepAbove(cart("JPY", "1"), new BigDecimal("4200"), "USD 10", "JPY 1000").get(0).getAmount())
                .isEqualByComparingTo("5000");
        assertThat(Threshold.nextStepAbove(cart("KWD", "1"), new BigDecimal("42"), "USD 10", "JPY 1000")).isEmpty();
    }

    @Test
    void shouldBeWithinReachUpToExactlyThePercentage() {
        assertThat(Threshold.of(cart("USD", "37.50"), "USD 50").get(0).withinReach(25)).isTrue();
        assertThat(Threshold.of(cart("USD", "37.49"), "USD 50").get(0).withinReach(25)).isFalse();
    }
}
