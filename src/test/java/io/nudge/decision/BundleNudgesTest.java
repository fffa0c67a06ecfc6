package io.nudge.decision;

import static io.nudge.decision.NudgeApi.decide;
import static io.nudge.decision.NudgeApi.nudge;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BundleNudgesTest {

    @Test
    void shouldOfferTheRestOfTheLineNamingIt() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "HYD-SER", "quantity": 1, "price": 38.00}]}}
                """)
                .statusCode(200)
                .body(nudge("BUNDLE") + ".rule", equalTo("Complete the routine"))
                .body(nudge("BUNDLE") + ".priority", equalTo(70))
                .body(nudge("BUNDLE") + ".message", equalTo("Complete your Hydra routine"))
                .body(nudge("BUNDLE") + ".products.sku", contains("HYD-CLN", "HYD-MST"));
    }

    @Test
    void shouldAddressTheShopperAndLeaveOutWhatIsInTheCart() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "HYD-SER", "quantity": 1, "price": 38.00},
                                                       {"sku": "HYD-CLN", "quantity": 1, "price": 22.00}]},
                 "shopper": {"firstName": "Ana"}}
                """)
                .body(nudge("BUNDLE") + ".message", equalTo("Ana, complete your Hydra routine"))
                .body(nudge("BUNDLE") + ".products.sku", contains("HYD-MST"));
    }

    @Test
    void shouldNotOfferABundleWhenTheWholeLineIsInTheCart() {
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "HYD-SER", "quantity": 1, "price": 38.00},
                                                       {"sku": "HYD-CLN", "quantity": 1, "price": 22.00},
                                                       {"sku": "HYD-MST", "quantity": 1, "price": 29.00}]}}
                """).body(nudge("BUNDLE"), nullValue());
    }
}
