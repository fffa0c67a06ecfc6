package io.nudge.decision;

import static io.nudge.decision.NudgeApi.byRule;
import static io.nudge.decision.NudgeApi.decide;
import static io.nudge.decision.NudgeApi.nudge;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShippingNudgesTest {

    private static final String CART = """
            {"cart": {"currency": "%s", "items": [{"sku": "STOVE-1", "quantity": 1, "price": %s}]},
             "context": {"locale": "%s"}}
            """;

    private static final String REGULAR = """
            {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": %s}]},
             "shopper": {"averageOrderValue": %s}}
            """;

    @Test
    void shouldNudgeWhenOneCentBelowThreshold() {
        decide(CART.formatted("USD", "34.99", "en-US"))
                .statusCode(200)
                .body(nudge("FREE_SHIPPING") + ".rule", equalTo("Free standard shipping"))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("0.01")))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("35.00")))
                .body(nudge("FREE_SHIPPING") + ".priority", equalTo(100))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add $0.01 more for free shipping"))
                .body(nudge("FREE_SHIPPING") + ".products", hasSize(0));
    }

    @Test
    void shouldNotNudgeAtExactlyTheThreshold() {
        decide(CART.formatted("USD", "35.00", "en-US")).statusCode(200).body("nudges", hasSize(0));
    }

    @Test
    void shouldUseTheEuroThresholdAndGermanFormatting() {
        decide(CART.formatted("EUR", "25", "de-DE"))
                .statusCode(200)
                .body("subtotal", equalTo(new BigDecimal("25.00")))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("40.00")))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add 15,00\u00a0€ more for free shipping"));
    }

    @Test
    void shouldNotOfferFreeShippingInACurrencyWithoutAThreshold() {
        decide(CART.formatted("GBP", "10.00", "en-GB")).statusCode(200).body("nudges", hasSize(0));
    }

    @Test
    void shouldNotNudgeAnEmptyCart() {
        decide("""
                {"cart": {"currency": "USD", "items": []}}
                """).statusCode(200).body("subtotal", equalTo(new BigDecimal("0.00"))).body("nudges", hasSize(0));
    }

    @Test
    void shouldRoundTheAmountStillNeededUpAndTheSubtotalHalfEven() {
        decide(CART.formatted("USD", "34.994", "en-US"))
                .statusCode(200)
                .body("subtotal", equalTo(new BigDecimal("34.99")))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("0.01")));
        decide(CART.formatted("USD", "10.005", "en-US")).body("subtotal", equalTo(new BigDecimal("10.00")));
        decide(CART.formatted("USD", "10.015", "en-US")).body("subtotal", equalTo(new BigDecimal("10.02")));
    }

    @Test
    void shouldOfferNextDayShippingAtTheNextRoundTenAboveTheAverageOrder() {
        decide(REGULAR.formatted("42.00", "42.00"))
                .statusCode(200)
                .body("nudges", hasSize(1))
                .body(nudge("FREE_SHIPPING") + ".rule", equalTo("Personal next-day free shipping"))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("50.00")))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("8.00")))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add just $8.00 more for free next-day shipping"));
    }

    @Test
    void shouldAimStrictlyAboveAnAverageThatIsAlreadyRound() {
        decide(REGULAR.formatted("45.00", "40.00"))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("50.00")));
    }

    @Test
    void shouldOfferNextDayShippingOnlyWithinAQuarterOfTheGoal() {
        decide(REGULAR.formatted("37.50", "42.00"))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("12.50")));
        decide(REGULAR.formatted("37.49", "42.00"))
                .body("nudges.type", not(hasItem("FREE_SHIPPING")));
    }

    @Test
    void shouldReplaceStandardShippingWithNextDayShipping() {
        // Standard shipping alone would need only 4.00, but the personal offer replaces it.
        decide(REGULAR.formatted("31.00", "30.00"))
                .statusCode(200)
                .body("nudges", hasSize(1))
                .body(nudge("FREE_SHIPPING") + ".rule", equalTo("Personal next-day free shipping"))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("9.00")))
                .body(byRule("Free standard shipping"), nullValue());
    }

    @Test
    void shouldKeepStandardShippingForShoppersWithoutAnAverageOrder() {
        decide(REGULAR.formatted("31.00", "0"))
                .body("nudges", hasSize(1))
                .body(nudge("FREE_SHIPPING") + ".rule", equalTo("Free standard shipping"));
    }
}
