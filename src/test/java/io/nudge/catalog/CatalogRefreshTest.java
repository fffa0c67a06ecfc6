package io.nudge.catalog;

import static io.nudge.testing.NudgeApi.byRule;
import static io.nudge.testing.NudgeApi.decide;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
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

/** {@code nudge.catalog.refresh}: the feeds are read again on schedule, and a change goes live with no one asking. */
@Slow
@QuarkusTest
@TestProfile(CatalogRefreshTest.Hourly.class)
class CatalogRefreshTest {

    static final Path FOLDER = ScratchRules.folder("catalog-refresh");

    /** "Hourly", every second: the schedule is what is tested, not its length. */
    public static class Hourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.catalog.feed", FOLDER.resolve("catalog").toString(), "nudge.catalog.refresh", "1s");
        }
    }

    @Test
    void shouldPutAChangedFeedLiveOnSchedule() {
        ScratchRules.edit(FOLDER, "catalog/products-us.tsv", "9.99 USD", "8.99 USD");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decide(TestRuleBook.TENT_CART).statusCode(200)
                .body(byRule("Stakes for a new tent") + ".products.find { it.sku == 'STAKES-8' }.price", equalTo(new BigDecimal("8.99"))));
        when().get("/v1/catalog").then().body("refresh", equalTo("1s"));
    }
}
