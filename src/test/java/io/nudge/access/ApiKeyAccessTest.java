package io.nudge.access;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(ApiKeyAccessTest.WithApiKeys.class)
class ApiKeyAccessTest {

    public static class WithApiKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.access.api-keys", "shop-key-one,shop-key-two");
        }
    }

    private static final String EMPTY_CART = """
            {"cart": {"currency": "USD", "items": []}}
            """;

    @Test
    void shouldRefuseADecisionWithoutAKey() {
        decide(given()).statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void shouldRefuseADecisionWithAnUnknownKey() {
        decide(given().header("X-Api-Key", "shop-key-three")).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldDecideForEveryConfiguredKey() {
        decide(given().header("X-Api-Key", "shop-key-one")).statusCode(200);
        decide(given().header("X-Api-Key", "shop-key-two")).statusCode(200);
    }

    @Test
    void shouldDecideForTheRulesAdmin() {
        decide(asAdmin()).statusCode(200);
    }

    @Test
    void shouldForbidAStorefrontToReloadTheRules() {
        given().header("X-Api-Key", "shop-key-one").when().post("/v1/rules/reload").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse decide(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(EMPTY_CART).when().post("/v1/nudges").then();
    }
}
