package io.nudge.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.nudge.testing.CorsPreflight;

@QuarkusTest
@TestProfile(CorsConfiguredTest.WithShopOrigin.class)
class CorsConfiguredTest {

    public static class WithShopOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", "https://shop.example");
        }
    }

    @Test
    void shouldLetABrowserOnTheShopsPagesCall() {
        CorsPreflight.from("https://shop.example").header("Access-Control-Allow-Origin", equalTo("https://shop.example"));
    }

    @Test
    void shouldNotLetABrowserOnAnotherOriginCall() {
        CorsPreflight.from("https://elsewhere.example").header("Access-Control-Allow-Origin", nullValue());
    }
}
