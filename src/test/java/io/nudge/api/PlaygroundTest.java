package io.nudge.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlaygroundTest {

    @Test
    void shouldSendTheRootToThePlayground() {
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", equalTo("/playground/"));
        given().redirects().follow(false).when().get("/playground").then().statusCode(303).header("Location", equalTo("/playground/"));
    }

    @Test
    void shouldServeThePageAndItsAssetsFromTheServiceItself() {
        given().when().get("/playground/").then().statusCode(200).body(containsString("<title>Nudge playground</title>"));
        given().when().get("/playground/playground.js").then().statusCode(200);
        given().when().get("/playground/playground.css").then().statusCode(200);
    }

    @Test
    void shouldLetThePageRunOnlyItsOwnScriptsAndNoOtherSiteFrameIt() {
        for (String path : new String[] { "/playground/", "/playground/playground.js" }) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        }
    }

    @Test
    void shouldFindCatalogProductsBySkuOrName() {
        given().queryParam("q", "stakes").when().get("/v1/catalog/products").then()
                .statusCode(200)
                .body("sku", hasItem("STAKES-8")).body("sku", hasItem("STAKES-TI"));
    }
}
