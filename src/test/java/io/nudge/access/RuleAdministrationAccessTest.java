package io.nudge.access;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;
import io.nudge.testing.AdminToken;

@QuarkusTest
class RuleAdministrationAccessTest {

    @Test
    void shouldRefuseAReloadWithoutCredentials() {
        when().post("/v1/rules/reload").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"nudge\"")
                .body("status", equalTo(401));
    }

    @Test
    void shouldRefuseAReloadWithTheWrongToken() {
        given().header("Authorization", "Bearer " + AdminToken.TEST_TOKEN + "x").when().post("/v1/rules/reload").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldReloadWithTheAdminToken() {
        asAdmin().when().post("/v1/rules/reload").then().statusCode(200)
                .body("trigger", equalTo("api"))
                .body("result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldRefuseADecisionWithAWrongTokenEvenWhileDecisionsAreOpen() {
        given().header("Authorization", "Bearer " + AdminToken.TEST_TOKEN + "x").contentType("application/json")
                .body("""
                        {"cart": {"currency": "USD", "items": []}}
                        """)
                .when().post("/v1/nudges").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"nudge\"");
    }

    @Test
    void shouldKeepDecisionsOpenWhileNoApiKeyIsConfigured() {
        NudgeApi.decide("""
                {"cart": {"currency": "USD", "items": []}}
                """).statusCode(200);
    }
}
