package io.nudge.api;

import io.nudge.testing.NudgeApi;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(ConfiguredLimitsTest.TightLimits.class)
class ConfiguredLimitsTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "nudge.limits.items", "2",
                    "nudge.limits.text-length", "8",
                    "nudge.limits.quantity", "5",
                    "nudge.limits.amount", "100",
                    "nudge.decision.max-nudges", "1",
                    "quarkus.http.limits.max-body-size", "1K");
        }
    }

    private static ValidatableResponse post(String body) {
        return NudgeApi.decide(body);
    }

    @Test
    void shouldApplyTheConfiguredLimits() {
        post("""
                {"cart": {"currency": "USD", "items": [{"sku": "A", "quantity": 1, "price": 1}, {"sku": "B", "quantity": 1, "price": 1},
                                                       {"sku": "C", "quantity": 1, "price": 1}]}}
                """).statusCode(400).body("errors[0].field", equalTo("cart.items"))
                .body("errors[0].message", equalTo("must hold at most 2 entries"));
        post("""
                {"cart": {"currency": "USD", "items": [{"sku": "LONG-SKU-9", "quantity": 6, "price": 100.01}]}}
                """).statusCode(400).body("errors.field", hasSize(3));
        post("""
                {"cart": {"currency": "USD", "items": []}, "shopper": {"firstName": "%s"}}
                """.formatted("x".repeat(1100))).statusCode(413);
    }

    @Test
    void shouldShowNoMoreNudgesThanConfigured() {
        post("""
                {"cart": {"currency": "USD", "items": [{"sku": "BOT-1", "quantity": 1, "price": 12.00},
                                                       {"sku": "HYD-SER", "quantity": 1, "price": 10.00}]}}
                """).statusCode(200).body("nudges", hasSize(1)).body("nudges[0].type", equalTo("FREE_SHIPPING"));
    }
}
