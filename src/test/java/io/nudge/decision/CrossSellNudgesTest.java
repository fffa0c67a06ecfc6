package io.nudge.decision;

import static io.nudge.decision.NudgeApi.byRule;
import static io.nudge.decision.NudgeApi.decide;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CrossSellNudgesTest {

    private static final String WEIGHTS = "Weights for a new reel";
    private static final String PACIFIERS = "Pacifiers for little ones";
    private static final String RAIN = "Rain gear";
    private static final String STYLE = "Accessories that match your style";

    @Test
    void shouldOfferFreshwaterWeightsWithAFreshwaterReelAddressingTheShopper() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-2500", "quantity": 1, "price": 89.99}]},
                 "shopper": {"firstName": "Ana"}}
                """)
                .statusCode(200)
                .body(byRule(WEIGHTS) + ".type", equalTo("CROSS_SELL"))
                .body(byRule(WEIGHTS) + ".priority", equalTo(60))
                .body(byRule(WEIGHTS) + ".message", equalTo("Ana, picking up that reel? Grab weights made for the same water."))
                .body(byRule(WEIGHTS) + ".products.sku", contains("WGT-DS-14"))
                .body(byRule(WEIGHTS) + ".products[0].name", equalTo("Drop-shot weights 1/4 oz, 10 pack"))
                .body(byRule(WEIGHTS) + ".products[0].category", equalTo("fishing/terminal-tackle"))
                .body(byRule(WEIGHTS) + ".products[0].price", equalTo(new BigDecimal("6.49")))
                .body(byRule(WEIGHTS) + ".amountRemaining", nullValue());
    }

    @Test
    void shouldOfferSaltwaterSinkersWithASaltwaterReel() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-SW-8000", "quantity": 1, "price": 159.00}]}}
                """)
                .body(byRule(WEIGHTS) + ".products.sku", contains("WGT-PY-2"))
                .body(byRule(WEIGHTS) + ".message", equalTo("Picking up that reel? Grab weights made for the same water."));
    }

    @Test
    void shouldNotOfferWeightsWhenTheCartHasTerminalTackle() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-2500", "quantity": 1, "price": 89.99},
                                                       {"sku": "WGT-PY-2", "quantity": 1, "price": 7.99}]}}
                """).body(byRule(WEIGHTS), nullValue());
    }

    @Test
    void shouldLetTheStorefrontsItemFieldsWinOverTheCatalog() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-2500", "quantity": 1, "price": 89.99, "category": "gifts/cards"}]}}
                """).body(byRule(WEIGHTS), nullValue());
    }

    @Test
    void shouldUseWhatTheStorefrontSendsForASkuTheCatalogLacks() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-NEW", "quantity": 1, "price": 120,
                                                        "category": "fishing/reels", "tags": ["saltwater"]}]}}
                """).body(byRule(WEIGHTS) + ".products.sku", contains("WGT-PY-2"));
    }

    @Test
    void shouldOfferPacifiersWithFeedingGear() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 2, "price": 12.00}]},
                 "shopper": {"childrenAges": [1, 5]}}
                """).body(byRule(PACIFIERS) + ".products.sku", contains("PAC-2"));
    }

    @Test
    void shouldNotOfferPacifiersWhenEveryChildIsTooOld() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 1, "price": 12.00}]},
                 "shopper": {"childrenAges": [3, 5]}}
                """).body(byRule(PACIFIERS), nullValue());
    }

    @Test
    void shouldOfferPacifiersWhenTheChildrensAgesAreUnknown() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 1, "price": 12.00}]},
                 "shopper": {"childrenAges": []}}
                """).body(byRule(PACIFIERS) + ".products.sku", contains("PAC-2"));
    }

    @Test
    void shouldNotOfferPacifiersWhenTheCartHasSome() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 1, "price": 12.00},
                                                       {"sku": "PAC-2", "quantity": 1, "price": 8.99}]}}
                """).body(byRule(PACIFIERS), nullValue());
    }

    @Test
    void shouldOfferARainJacketToCampersWhenItRains() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 49.00}]},
                 "context": {"weather": "Rain"}}
                """).body(byRule(RAIN) + ".products.sku", contains("RAIN-JKT"));
    }

    @Test
    void shouldNotOfferARainJacketInTheSun() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 49.00}]},
                 "context": {"weather": "sunny"}}
                """).body(byRule(RAIN), nullValue());
    }

    @Test
    void shouldNotOfferARainJacketToAShopperBuyingOuterwear() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 49.00},
                                                       {"sku": "RAIN-JKT", "quantity": 1, "price": 99.00}]},
                 "context": {"weather": "rain"}}
                """).body(byRule(RAIN), nullValue());
    }

    @Test
    void shouldOfferAccessoriesInTheShoppersSizeAndColours() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "DRS-WRAP", "quantity": 1, "price": 79.00}]},
                 "shopper": {"size": "M", "preferredColors": ["navy"]}}
                """).body(byRule(STYLE) + ".products.sku", contains("BELT-NVY"));
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "DRS-WRAP", "quantity": 1, "price": 79.00}]},
                 "shopper": {"size": "S", "preferredColors": ["red", "navy"]}}
                """).body(byRule(STYLE) + ".products.sku", containsInAnyOrder("BELT-NVY", "BELT-RED"));
    }

    @Test
    void shouldNotOfferAccessoriesThatDoNotComeInTheShoppersSize() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "DRS-WRAP", "quantity": 1, "price": 79.00}]},
                 "shopper": {"size": "L", "preferredColors": ["red"]}}
                """).body(byRule(STYLE), nullValue());
    }

    @Test
    void shouldNotOfferAccessoriesWithoutASizeOrColours() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "DRS-WRAP", "quantity": 1, "price": 79.00}]},
                 "shopper": {"preferredColors": ["navy"]}}
                """).body(byRule(STYLE), nullValue());
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "DRS-WRAP", "quantity": 1, "price": 79.00}]},
                 "shopper": {"size": "M", "preferredColors": []}}
                """).body(byRule(STYLE), nullValue());
    }
}
