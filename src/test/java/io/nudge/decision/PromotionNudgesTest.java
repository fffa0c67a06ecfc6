package io.nudge.decision;

import static io.nudge.decision.NudgeApi.decide;
import static io.nudge.decision.NudgeApi.nudge;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PromotionNudgesTest {

    private static final String CART = """
            {"cart": {"currency": "%s", "items": [{"sku": "GIFT-CARD", "quantity": 1, "price": %s}]},
             "shopper": {"segments": [%s]}}
            """;

    @Test
    void shouldOfferTheDiscountFromSixty() {
        decide(CART.formatted("USD", "60.00", ""))
                .body(nudge("DISCOUNT") + ".rule", equalTo("Spend more, save 10%"))
                .body(nudge("DISCOUNT") + ".priority", equalTo(80))
                .body(nudge("DISCOUNT") + ".amountRemaining", equalTo(new BigDecimal("15.00")))
                .body(nudge("DISCOUNT") + ".threshold", equalTo(new BigDecimal("75.00")))
                .body(nudge("DISCOUNT") + ".message", equalTo("Spend $15.00 more and save 10%"));
    }

    @Test
    void shouldOfferTheDiscountOneCentBelowItsThreshold() {
        decide(CART.formatted("USD", "74.99", "")).body(nudge("DISCOUNT") + ".amountRemaining", equalTo(new BigDecimal("0.01")));
    }

    @Test
    void shouldNotOfferTheDiscountOutsideItsRange() {
        decide(CART.formatted("USD", "59.99", "")).body(nudge("DISCOUNT"), nullValue());
        decide(CART.formatted("USD", "75.00", "")).body(nudge("DISCOUNT"), nullValue());
    }

    @Test
    void shouldRoundToTheMinorUnitOfTheCurrency() {
        decide(CART.formatted("JPY", "65", ""))
                // Yen have no minor unit: whole numbers, without decimals.
                .body("subtotal", hasToString("65"))
                .body(nudge("DISCOUNT") + ".amountRemaining", hasToString("10"))
                .body(nudge("DISCOUNT") + ".message", equalTo("Spend ¥10 more and save 10%"));
    }

    @Test
    void shouldOfferVipsAGiftFromEighty() {
        decide(CART.formatted("USD", "80.00", "\"vip\""))
                .body(nudge("GIFT") + ".rule", equalTo("VIP free gift"))
                .body(nudge("GIFT") + ".priority", equalTo(90))
                .body(nudge("GIFT") + ".amountRemaining", equalTo(new BigDecimal("20.00")))
                .body(nudge("GIFT") + ".threshold", equalTo(new BigDecimal("100.00")))
                .body(nudge("GIFT") + ".message", equalTo("Spend $20.00 more and get a free gift, our thanks for being a VIP"));
    }

    @Test
    void shouldNotOfferTheGiftToOtherShoppersOrOutsideItsRange() {
        decide(CART.formatted("USD", "85.00", "\"regular\"")).body(nudge("GIFT"), nullValue());
        decide(CART.formatted("USD", "79.99", "\"vip\"")).body(nudge("GIFT"), nullValue());
        decide(CART.formatted("USD", "100.00", "\"vip\"")).body(nudge("GIFT"), nullValue());
    }
}
