package io.nudge.catalog;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.nudge.testing.NudgeApi.decide;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Until a catalog loads, the service is not ready and decisions wait; once the feed is there, a reload makes it ready. */
@QuarkusTest
@TestProfile(NoCatalogYetTest.FeedNotThereYet.class)
class NoCatalogYetTest {

    static final Path FOLDER = ScratchRules.folder("no-catalog-yet");

    public static class FeedNotThereYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.delete(FOLDER);
            return Map.of("nudge.catalog.feed", FOLDER.resolve("feed.tsv").toString(), "nudge.catalog.bought-together", "");
        }
    }

    @Test
    void shouldBeNotReadyAndRefuseToDecideUntilTheFirstCatalogLoads() throws IOException {
        // Where the feeds lie on the server is shown to the admin alone: others see the file's name.
        String where = FOLDER.toString();
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'catalog' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'catalog' }.data.reason", containsString("feed.tsv: does not exist"))
                .body("checks.find { it.name == 'catalog' }.data.reason", not(containsString(where)));
        decide(TestRuleBook.TENT_CART).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", containsString("no catalog serves yet"))
                .body("detail", containsString("feed.tsv")).body("detail", not(containsString(where)));
        when().get("/v1/catalog").then().statusCode(200).body("notServing", containsString("does not exist"))
                .body("notServing", not(containsString(where))).body("lastRefused.problems[0].file", equalTo("feed.tsv"));
        asAdmin().when().get("/v1/catalog").then().statusCode(200).body("notServing", containsString(where));

        Files.createDirectories(FOLDER);
        Files.copy(TestRuleBook.FOLDER.resolve("catalog/products-us.tsv"), FOLDER.resolve("feed.tsv"));
        asAdmin().when().post("/v1/catalog/reload").then().statusCode(200).body("result", equalTo("LOADED"));

        when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("catalog"));
        decide(TestRuleBook.TENT_CART).statusCode(200);
        when().get("/v1/catalog").then().body("pairs.kept", equalTo(0)).body("feeds[0].source", equalTo("feed.tsv"));
        asAdmin().when().get("/v1/catalog").then().body("feeds[0].source", equalTo(FOLDER.resolve("feed.tsv").toString()));
    }
}
