package io.nudge.api;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RulesResourceTest {

    @Test
    void shouldListEveryRuleWithItsFileDescriptionAndCampaign() {
        when().get("/v1/rules").then()
                .statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{8}"))
                .body("rules", hasSize(7))
                .body("rules.name", containsInAnyOrder(
                        "Free shipping from 35", "Next-day shipping near the usual order", "Winter sale: free shipping from 20",
                        "Stakes for a new tent", "A mug for the road", "Complete the line", "Ultralight campers never get steel"))
                .body("rules.find { it.name == 'Free shipping from 35' }.file", equalTo("shipping.drl"))
                .body("rules.find { it.name == 'Complete the line' }.file", equalTo("products.drl"))
                .body("rules.find { it.name == 'Winter sale: free shipping from 20' }.window.effective", equalTo("2025-01-01T00:00:00Z"))
                .body("rules.find { it.name == 'Winter sale: free shipping from 20' }.window.expires", equalTo("2025-01-31T23:59:00Z"))
                .body("rules.find { it.name == 'Stakes for a new tent' }.window", nullValue())
                .body("rules.find { it.name == 'A mug for the road' }.holdout", equalTo(50))
                .body("rules.find { it.name == 'Next-day shipping near the usual order' }", not(hasKey("replaces")))
                .body("rules.description", everyItem(not(emptyOrNullString())))
                .body("rules.description", everyItem(not(containsString("\""))));
    }

    @Test
    void shouldReportTheSameVersionThatDecisionsCarry() {
        String version = when().get("/v1/rules").then().extract().path("version");
        NudgeApi.decide("""
                {"cart": {"currency": "USD", "items": []}}
                """).body("rulesVersion", equalTo(version));
    }

    @Test
    void shouldBeReadyOnceRulesAreLoaded() {
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.rules", equalTo(7));
        when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldNotServeTheBenchmarkEchoOutsideTheBenchBuild() {
        NudgeApi.post("/bench/echo", """
                {"cart": {"currency": "USD", "items": []}}
                """).statusCode(404);
    }

    @Test
    void shouldPublishTheApiDescription() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/v1/nudges'.post", not(equalTo(null)))
                .body("paths.'/v1/rules'.get", not(equalTo(null)))
                .body("paths.'/v1/nudges'.post.responses.'400'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/v1/nudges'.post.responses.'413'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/v1/nudges'.post.responses.'415'.content.'application/problem+json'", not(equalTo(null)));
        when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
