package io.nudge.catalog;

import static io.nudge.testing.NudgeApi.byRule;
import static io.nudge.testing.NudgeApi.decide;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nudge.testing.ScratchRules;
import io.nudge.testing.Slow;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code nudge.catalog.watch}: a feed file saved goes live once it has stayed unchanged for the debounce time. */
@Slow
@QuarkusTest
@TestProfile(CatalogWatchTest.Watched.class)
class CatalogWatchTest {

    static final Path FOLDER = ScratchRules.folder("catalog-watch");

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.catalog.feed", FOLDER.resolve("catalog").toString(), "nudge.catalog.watch", "true",
                    "nudge.catalog.debounce", "200ms");
        }
    }

    @Test
    void shouldPutASavedFeedLiveAndRefuseABrokenOne() {
        ScratchRules.edit(FOLDER, "catalog/products-us.tsv", "9.99 USD\t\t\tin_stock", "9.99 USD\t\t\tout_of_stock");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decide(TestRuleBook.TENT_CART).statusCode(200)
                .body(byRule("Stakes for a new tent") + ".products.sku", contains("STAKES-TI")));

        ScratchRules.edit(FOLDER, "catalog/products-us.tsv", "availability", "stock");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> when().get("/v1/catalog").then()
                .body("lastRefused.trigger", equalTo("watch"))
                .body("lastRefused.problems[0].message", containsString("no availability column")));
        decide(TestRuleBook.TENT_CART).statusCode(200).body(byRule("Stakes for a new tent") + ".products.sku", contains("STAKES-TI"));
    }
}
