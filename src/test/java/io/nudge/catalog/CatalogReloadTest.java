package io.nudge.catalog;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.nudge.testing.NudgeApi.byRule;
import static io.nudge.testing.NudgeApi.decide;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nudge.testing.Metrics;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The catalog swapped on POST /v1/catalog/reload: changes go live whole, bad feeds are refused, decisions never see half. */
@QuarkusTest
@TestProfile(CatalogReloadTest.ScratchCatalog.class)
class CatalogReloadTest {

    static final Path FOLDER = ScratchRules.folder("catalog-reload");
    static final String US_FEED = "catalog/products-us.tsv";
    static final String STAKES = byRule("Stakes for a new tent") + ".products";

    public static class ScratchCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.catalog.feed", FOLDER.resolve("catalog").toString(),
                    "nudge.catalog.bought-together", FOLDER.resolve("bought-together.csv").toString());
        }
    }

    @BeforeEach
    void serveTheTestCatalog() {
        ScratchRules.reset(FOLDER);
        asAdmin().when().post("/v1/catalog/reload").then().statusCode(200);
    }

    private static String version() {
        return when().get("/v1/catalog").then().statusCode(200).extract().path("version");
    }

    @Test
    void shouldDescribeTheCatalogServingWithEachFeedAndTheSkippedPair() {
        when().get("/v1/catalog").then().statusCode(200)
                .body("products", equalTo(6))
                .body("loadMillis", greaterThanOrEqualTo(0))
                .body("inStock", equalTo(6))
                .body("refresh", equalTo("off"))
                .body("feeds.source", contains("products-eu.tsv", "products-us.tsv"))
                .body("feeds.rows", contains(6, 6))
                .body("feeds.refused", contains(0, 0))
                .body("pairs.kept", equalTo(1))
                .body("pairs.skipped", equalTo(1))
                .body("pairs.firstSkipped[0].line", equalTo(3))
                .body("pairs.firstSkipped[0].message", containsString("\"GONE-1\" is not in the catalog"));
        assertThat(Metrics.value("nudge_catalog_products")).isEqualTo(6.0);
        assertThat(Metrics.value("nudge_catalog_refused_rows")).isZero();
        // The folders on the server are the admin's to see.
        asAdmin().when().get("/v1/catalog").then().statusCode(200)
                .body("feeds.source", contains(FOLDER.resolve("catalog/products-eu.tsv").toString(), FOLDER.resolve(US_FEED).toString()));
    }

    @Test
    void shouldSwapInAChangedFeedWithoutARestartOrARuleReload() {
        String before = version();
        String rules = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.edit(FOLDER, US_FEED, "9.99 USD", "10.49 USD");

        asAdmin().when().post("/v1/catalog/reload").then().statusCode(200)
                .body("result", equalTo("LOADED")).body("trigger", equalTo("api"));

        assertThat(version()).isNotEqualTo(before);
        assertThat((String) when().get("/v1/rules").then().extract().path("version")).isEqualTo(rules);
        decide(TestRuleBook.TENT_CART).statusCode(200)
                .body(byRule("Stakes for a new tent") + ".products.find { it.sku == 'STAKES-8' }.price", equalTo(new BigDecimal("10.49")));
        asAdmin().when().post("/v1/catalog/reload").then().statusCode(200).body("result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldNeverSuggestAProductOnceTheFeedSaysItIsOutOfStock() {
        decide(TestRuleBook.TENT_CART).statusCode(200).body(STAKES + ".sku", contains("STAKES-8", "STAKES-TI"));
        ScratchRules.edit(FOLDER, US_FEED, "9.99 USD\t\t\tin_stock", "9.99 USD\t\t\tout_of_stock");

        asAdmin().when().post("/v1/catalog/reload").then().statusCode(200).body("result", equalTo("LOADED"));

        decide(TestRuleBook.TENT_CART).statusCode(200).body(STAKES + ".sku", contains("STAKES-TI"));
        when().get("/v1/catalog").then().body("inStock", equalTo(5));
        given().queryParam("q", "STAKES-8").when().get("/v1/catalog/products").then()
                .body("[0].availability", equalTo("out_of_stock"));
    }

    @Test
    void shouldRefuseAFeedWithTooManyBadRowsNamingFileLineAndColumnAndKeepServingTheLastGoodOne() {
        String before = version();
        ScratchRules.edit(FOLDER, US_FEED, "9.99 USD", "9,99 USD");

        asAdmin().when().post("/v1/catalog/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nudge:problem:catalog-refused"))
                .body("detail", containsString("version " + before + " keeps serving"))
                .body("attempt.result", equalTo("REFUSED"))
                .body("attempt.problems[0].message", containsString("1 of its 6 rows (16.7%) are refused"))
                .body("attempt.problems[1].file", equalTo(FOLDER.resolve(US_FEED).toString()))
                .body("attempt.problems[1].line", equalTo(3))
                .body("attempt.problems[1].column", equalTo(4))
                .body("attempt.problems[1].attribute", equalTo("price"))
                .body("attempt.problems[1].message", containsString("\"9,99 USD\" is not a price"));

        assertThat(version()).isEqualTo(before);
        when().get("/v1/catalog").then().body("lastRefused.trigger", equalTo("api"));
        decide(TestRuleBook.TENT_CART).statusCode(200)
                .body(byRule("Stakes for a new tent") + ".products.find { it.sku == 'STAKES-8' }.price", equalTo(new BigDecimal("9.99")));
        assertThat(Metrics.value("nudge_catalog_reloads_total{result=\"refused\"}")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void shouldRefuseAMissingFeedAndKeepServing() {
        String before = version();
        ScratchRules.delete(FOLDER.resolve("catalog"));

        asAdmin().when().post("/v1/catalog/reload").then().statusCode(422)
                .body("attempt.problems[0].file", equalTo(FOLDER.resolve("catalog").toString()));

        assertThat(version()).isEqualTo(before);
        decide(TestRuleBook.TENT_CART).statusCode(200).body(STAKES + ".sku", contains("STAKES-8", "STAKES-TI"));
    }

    @Test
    void shouldLetOnlyTheAdminReloadTheCatalog() {
        when().post("/v1/catalog/reload").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerEveryDecisionWithOneWholeCatalogWhileReloadsSwapIt() throws Exception {
        // Two catalogs, each pricing both packs of stakes its own way: an answer mixing them would have seen half a swap.
        String cheap = "9.99 USD";
        String dear = "10.99 USD";
        String titaniumCheap = "24.00 USD";
        String titaniumDear = "25.00 USD";
        AtomicBoolean deciding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService shoppers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answered.add(shoppers.submit(() -> {
                int count = 0;
                while (deciding.get()) {
                    JsonPath answer = decide(TestRuleBook.TENT_CART).extract().jsonPath();
                    BigDecimal steel = new BigDecimal(answer.getString(STAKES + ".find { it.sku == 'STAKES-8' }.price"));
                    BigDecimal titanium = new BigDecimal(answer.getString(STAKES + ".find { it.sku == 'STAKES-TI' }.price"));
                    boolean whole = steel.compareTo(new BigDecimal("9.99")) == 0 ? titanium.compareTo(new BigDecimal("24.00")) == 0
                            : steel.compareTo(new BigDecimal("10.99")) == 0 && titanium.compareTo(new BigDecimal("25.00")) == 0;
                    if (!whole) {
                        wrong.add(steel + " with " + titanium);
                    }
                    count++;
                }
                return count;
            }));
        }
        int loaded = 0;
        try {
            for (int swap = 0; swap < 20; swap++) {
                boolean toDear = swap % 2 == 0;
                ScratchRules.edit(FOLDER, US_FEED, toDear ? cheap : dear, toDear ? dear : cheap);
                ScratchRules.edit(FOLDER, US_FEED, toDear ? titaniumCheap : titaniumDear, toDear ? titaniumDear : titaniumCheap);
                String result = asAdmin().when().post("/v1/catalog/reload").then().statusCode(200).extract().path("result");
                loaded += result.equals("LOADED") ? 1 : 0;
            }
        } finally {
            deciding.set(false);
            shoppers.shutdown();
            assertThat(shoppers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        int decisions = 0;
        for (Future<Integer> shopper : answered) {
            decisions += shopper.get();
        }
        assertThat(loaded).isEqualTo(20);
        assertThat(decisions).as("decisions made while the catalog swapped").isGreaterThan(20);
        assertThat(wrong).as("answers that mixed two catalogs").isEmpty();
        decide(TestRuleBook.TENT_CART).statusCode(200).body(STAKES + ".price", contains(new BigDecimal("9.99"), new BigDecimal("24.00")));
    }
}
