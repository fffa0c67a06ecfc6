package io.nudge.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void shouldRoundShownAmountsHalfEven() {
        assertThat(Money.shown(new BigDecimal("10.005"), USD)).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.shown(new BigDecimal("10.015"), USD)).isEqualTo(new BigDecimal("10.02"));
        assertThat(Money.shown(new BigDecimal("42"), USD)).isEqualTo(new BigDecimal("42.00"));
    }

    @Test
    void shouldRoundAmountStillNeededUpSoSpendingItReachesTheGoal() {
        assertThat(Money.stillNeeded(new BigDecimal("0.001"), USD)).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.stillNeeded(new BigDecimal("8.0000"), USD)).isEqualTo(new BigDecimal("8.00"));
        assertThat(Money.stillNeeded(new BigDecimal("9.1"), JPY)).isEqualTo(new BigDecimal("10"));
    }

    @Test
    void shouldUseTheMinorUnitsOfTheCurrency() {
        assertThat(Money.shown(new BigDecimal("1234.5"), JPY)).isEqualTo(new BigDecimal("1234"));
        assertThat(Money.shown(new BigDecimal("1.2345"), Currency.getInstance("BHD"))).isEqualTo(new BigDecimal("1.234"));
    }

    @Test
    void shouldAcceptCurrenciesInUse() {
        assertThat(Money.currencyOrNull("USD")).isEqualTo(USD);
        assertThat(Money.currencyOrNull("JPY")).isEqualTo(JPY);
        assertThat(Money.currencyOrNull("KWD")).isEqualTo(Currency.getInstance("KWD"));
        assertThat(Money.currencyOrNull("XCG")).isEqualTo(Currency.getInstance("XCG"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "XXX", "XAU", "XDR", "XTS", "CLF", "USN", "ESP", "DEM", "HRK", "BGN", "ANG", "ZWL",
            "usd", "US", "ZZZ", "" })
    void shouldRefuseCodesThatAreNoMoneyInUse(String code) {
        assertThat(Money.currencyOrNull(code)).isNull();
    }

    @Test
    void shouldFormatForTheShoppersLocale() {
        assertThat(MoneyFormat.format(new BigDecimal("8.00"), USD, Locale.US)).isEqualTo("$8.00");
        assertThat(MoneyFormat.format(new BigDecimal("8.00"), EUR, Locale.GERMANY)).isEqualTo("8,00\u00a0€");
        assertThat(MoneyFormat.format(new BigDecimal("1234.50"), EUR, Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
        assertThat(MoneyFormat.format(new BigDecimal("15.00"), EUR, Locale.US)).isEqualTo("€15.00");
        assertThat(MoneyFormat.format(new BigDecimal("10"), JPY, Locale.US)).isEqualTo("¥10");
    }
}
