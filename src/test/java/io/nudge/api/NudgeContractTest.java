package io.nudge.api;

import static io.nudge.testing.NudgeApi.byRule;
import static io.nudge.testing.NudgeApi.decide;
import static io.nudge.testing.NudgeApi.nudge;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;

/** The answer of POST /v1/nudges, field by field, over the test rule book (src/test/resources/rule-book). */
@QuarkusTest
class NudgeContractTest {

    private static final String ONE_LINE = """
            {"cart": {"currency": "%s", "items": [{"sku": "GIFT-CARD", "quantity": 1, "price": %s}]},
             "context": {"locale": "%s", "at": "%s"}}
            """;
    private static final String MARCH = "2026-03-02T10:00:00Z";

    @Test
    void shouldIdentifyTheDecisionTheRulesAndTheCart() {
        decide(TestRuleBook.SERUM_CART).statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("rulesVersion", matchesPattern("[0-9a-f]{8}"))
                .body("currency", equalTo("USD"))
                .body("subtotal", equalTo(new BigDecimal("30.00")));
    }

    @Test
    void shouldAnswerASpendGoalWithItsAmountsAndNoProducts() {
        decide(TestRuleBook.SERUM_CART).statusCode(200)
                .body(nudge("FREE_SHIPPING") + ".rule", equalTo("Free shipping from 35"))
                .body(nudge("FREE_SHIPPING") + ".priority", equalTo(100))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("5.00")))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("35.00")))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add $5.00 more for free shipping"))
                .body(nudge("FREE_SHIPPING") + ".products", hasSize(0));
    }

    @Test
    void shouldAnswerAProductNudgeWithTheProductsFromTheCatalogAndNoAmounts() {
        decide(TestRuleBook.SERUM_CART).statusCode(200)
                .body("nudges.type", contains("FREE_SHIPPING", "BUNDLE"))
                .body(nudge("BUNDLE") + ".priority", equalTo(70))
                .body(nudge("BUNDLE") + ".message", equalTo("Complete your Aura routine"))
                .body(nudge("BUNDLE"), not(hasKey("amountRemaining")))
                .body(nudge("BUNDLE") + ".products.sku", contains("CRM-1"))
                .body(nudge("BUNDLE") + ".products[0].name", equalTo("Aura cream"))
                .body(nudge("BUNDLE") + ".products[0].category", equalTo("beauty/creams"))
                .body(nudge("BUNDLE") + ".products[0].price", equalTo(new BigDecimal("25.00")));
    }

    @Test
    void shouldPriceASuggestedProductInTheCartsCurrencyOrNotAtAll() {
        String serum = """
                {"cart": {"currency": "%s", "items": [{"sku": "SER-1", "quantity": 1, "price": %s}]}}""";
        decide(serum.formatted("EUR", "28.50")).statusCode(200)
                .body(nudge("BUNDLE") + ".products[0].price", equalTo(new BigDecimal("23.75")));
        // The test catalog has no yen prices: the cream is suggested without one, never with its dollar price relabelled.
        decide(serum.formatted("JPY", "4500")).statusCode(200)
                .body(nudge("BUNDLE") + ".products[0].sku", equalTo("CRM-1"))
                .body(nudge("BUNDLE") + ".products[0]", not(hasKey("price")));
    }

    @Test
    void shouldAddressAProductNudgeToAShopperByName() {
        decide(NudgeApi.cart("clearance-tent-and-serum.json")).statusCode(200)
                .body(byRule("Complete the line") + ".message", equalTo("Ana, complete your Aura routine"));
    }

    @Test
    void shouldRoundTheSubtotalHalfEvenAndTheAmountStillNeededUp() {
        decide(ONE_LINE.formatted("USD", "34.994", "en-US", MARCH)).statusCode(200)
                .body("subtotal", equalTo(new BigDecimal("34.99")))
                .body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("0.01")))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add $0.01 more for free shipping"));
        decide(ONE_LINE.formatted("USD", "10.005", "en-US", MARCH)).body("subtotal", equalTo(new BigDecimal("10.00")));
        decide(ONE_LINE.formatted("USD", "10.015", "en-US", MARCH)).body("subtotal", equalTo(new BigDecimal("10.02")));
    }

    @Test
    void shouldCompareGoalsWithTheSubtotalAsCharged() {
        // 34.995 is charged as 35.00: the cart has reached the goal, so no "0.01 more" beside a subtotal of 35.00.
        decide(ONE_LINE.formatted("USD", "34.995", "en-US", MARCH)).statusCode(200)
                .body("subtotal", equalTo(new BigDecimal("35.00")))
                .body("nudges", hasSize(0));
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "A", "quantity": 3, "price": 11.665}]},
                 "context": {"at": "2026-03-02T10:00:00Z"}}
                """).body("subtotal", equalTo(new BigDecimal("35.00"))).body("nudges", hasSize(0));
    }

    @Test
    void shouldFormatAmountsForTheShoppersLocaleAndTheCartsCurrency() {
        decide(ONE_LINE.formatted("EUR", "25", "de-DE", MARCH)).statusCode(200)
                .body("subtotal", equalTo(new BigDecimal("25.00")))
                .body(nudge("FREE_SHIPPING") + ".threshold", equalTo(new BigDecimal("40.00")))
                .body(nudge("FREE_SHIPPING") + ".message", equalTo("Add 15,00\u00a0€ more for free shipping"));
    }

    @Test
    void shouldApplyACampaignOnlyWithinItsWindowAtTheVisitsTime() {
        decide(ONE_LINE.formatted("USD", "15.00", "en-US", "2025-01-15T12:00:00Z"))
                .body("nudges.rule", contains("Winter sale: free shipping from 20"));
        decide(ONE_LINE.formatted("USD", "15.00", "en-US", "2025-01-31T23:59:00Z"))
                .body("nudges.rule", contains("Winter sale: free shipping from 20"));
        decide(ONE_LINE.formatted("USD", "15.00", "en-US", "2025-02-01T00:00:00Z"))
                .body("nudges.rule", contains("Free shipping from 35"));
    }

    @Test
    void shouldNotNudgeAnEmptyCart() {
        decide("""
                {"cart": {"currency": "USD", "items": []}}
                """).statusCode(200).body("subtotal", equalTo(new BigDecimal("0.00"))).body("nudges", hasSize(0));
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": 30.00, "giftWrap": true}],
                          "coupon": "SAVE5"},
                 "shopper": {"loyaltyTier": "gold"}, "context": {"device": "ios", "at": "2026-03-02T10:00:00Z"}, "experiment": {"id": 7}}
                """).statusCode(200).body("nudges.rule", hasItem("Complete the line"));
    }
}
