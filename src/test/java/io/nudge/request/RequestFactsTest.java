package io.nudge.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.catalog.ProductCatalog;
import io.nudge.decision.Facts;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.Product;

class RequestFactsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final ProductCatalog CATALOG = new ProductCatalog(List.of(new Product("REEL-1", "Spinning reel", "fishing/reels",
            null, Map.of("USD", new BigDecimal("89.99")), Set.of("freshwater"), Set.of(), Set.of(), null)));

    private static Facts facts(String json) throws Exception {
        return RequestFacts.of(JSON.readValue(json, NudgeRequest.class), CATALOG);
    }

    @Test
    void shouldFillWhatTheStorefrontLeftOutFromTheCatalog() throws Exception {
        LineItem item = facts("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-1", "quantity": 2, "price": 80.00}]}}
                """).cart().items().get(0);

        assertThat(item.name()).isEqualTo("Spinning reel");
        assertThat(item.category()).isEqualTo("fishing/reels");
        assertThat(item.tags()).containsExactly("freshwater");
        assertThat(item.price()).isEqualByComparingTo("80.00");
    }

    @Test
    void shouldLetWhatTheStorefrontSendsWin() throws Exception {
        LineItem item = facts("""
                {"cart": {"currency": "USD", "items": [{"sku": "REEL-1", "quantity": 1, "price": 80.00,
                                                       "category": "gift-cards", "tags": []}]}}
                """).cart().items().get(0);

        assertThat(item.category()).isEqualTo("gift-cards");
        assertThat(item.tags()).isEmpty();
        assertThat(item.name()).isEqualTo("Spinning reel");
    }

    @Test
    void shouldReadTheVisitWithDefaults() throws Exception {
        Facts facts = facts("""
                {"cart": {"currency": "EUR", "items": []}, "context": {"weather": " Rain ", "locale": "de-DE"}}
                """);

        assertThat(facts.context().weather()).isEqualTo("rain");
        assertThat(facts.context().locale()).isEqualTo(Locale.GERMANY);
        assertThat(facts.context().at()).isNotNull();
        assertThat(facts.shopper().averageOrderValue()).isZero();
        assertThat(facts.cart().subtotal()).isZero();
        assertThat(facts.shopperKey()).isNull();
    }

    @Test
    void shouldKnowTheShopperByIdElseBySession() throws Exception {
        assertThat(facts("""
                {"cart": {"currency": "USD", "items": []}, "shopper": {"id": "s-1"}, "context": {"sessionId": "visit-9"}}
                """).shopperKey()).isEqualTo("s-1");
        assertThat(facts("""
                {"cart": {"currency": "USD", "items": []}, "context": {"sessionId": "visit-9"}}
                """).shopperKey()).isEqualTo("visit-9");
    }
}
