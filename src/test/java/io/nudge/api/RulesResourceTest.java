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

import org.junit.jupiter.api.Test;

import io.nudge.decision.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RulesResourceTest {

    @Test
    void shouldListEveryRuleOfTheDemoBookWithItsFileAndDescription() {
        when().get("/v1/rules").then()
                .statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{8}"))
                .body("rules", hasSize(12))
                .body("rules.name", containsInAnyOrder(
                        "Free standard shipping", "Personal next-day free shipping", "Weights for a new reel",
                        "Complete the routine", "Pacifiers for little ones", "Rain gear",
                        "Accessories that match your style", "Often bought together", "Spend more, save 10%", "VIP free gift",
                        "Freshwater anglers never get saltwater gear", "Summer sale: free shipping from $25"))
                .body("rules.find { it.name == 'Free standard shipping' }.file", equalTo("shipping.drl"))
                .body("rules.find { it.name == 'Complete the routine' }.file", equalTo("bundles.drl"))
                .body("rules.find { it.name == 'Summer sale: free shipping from $25' }.window.effective", equalTo("2027-07-01T00:00:00Z"))
                .body("rules.find { it.name == 'Summer sale: free shipping from $25' }.window.expires", equalTo("2027-07-31T23:59:00Z"))
                .body("rules.find { it.name == 'Rain gear' }.window", org.hamcrest.Matchers.nullValue())
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
                .body("checks.find { it.name == 'rules' }.data.rules", equalTo(12));
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
                .body("paths.'/v1/rules'.get", not(equalTo(null)));
        when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
