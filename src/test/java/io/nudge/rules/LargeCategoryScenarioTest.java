package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nudge.catalog.CatalogReader;
import io.nudge.catalog.ProductCatalog;
import io.nudge.decision.RuleBook;
import io.nudge.testing.ScratchRules;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Scenarios over a feed whose categories hold thousands of products, run as the check runs them: which products a
 * cross-sell shows comes from the feed's order, however deep in a category they are, and never from the cart.
 */
@QuarkusTest
class LargeCategoryScenarioTest {

    private static final Path FOLDER = ScratchRules.folder("large-category");

    private static final String RULES = """
            package nudge;

            import java.util.List;
            import io.nudge.vocabulary.*;
            import function io.nudge.vocabulary.Candidate.crossSell;

            global io.nudge.vocabulary.Catalog catalog;

            rule "Weights for the water of a new reel"
                @description("A reel brings weights for the same water.")
            when
                $item : LineItem( category == "fishing/reels" )
                $water : String( this == "freshwater" || this == "saltwater" ) from $item.tags
                $offer : List( size > 0 ) from collect( Product() from catalog.inCategory( "fishing/terminal-tackle" ).tagged( $water ) )
            then
                insert( crossSell( $offer, "Grab weights made for the same water." ) );
            end

            rule "Accessories in your size and colours"
                @description("A dress brings accessories in the shopper's size and one of their colours.")
            when
                exists LineItem( category == "apparel/dresses" )
                $shopper : Shopper( size != null )
                $offer : List( size > 0 ) from collect( Product() from catalog.inCategory( "apparel/accessories" ).inSize( $shopper.size ).inAnyColorOf( $shopper.preferredColors ) )
            then
                insert( crossSell( $offer, "Finish the look." ) );
            end
            """;

    /** Each pins the four products shown: the first in stock that match, in the feed's order (every seventh is out of stock). */
    private static final String SCENARIOS = """
            - name: A freshwater reel gets the first freshwater weights, 4,000 products into the category
              cart: {currency: USD, items: [{sku: REEL-F, quantity: 1, price: 80.00}]}
              expect:
                - {type: CROSS_SELL, products: [TT-4001, TT-4002, TT-4003, TT-4004]}
            - name: A saltwater reel gets the category's first weights, skipping the one out of stock
              cart: {currency: USD, items: [{sku: REEL-S, quantity: 1, price: 80.00}]}
              expect:
                - {type: CROSS_SELL, products: [TT-0, TT-1, TT-2, TT-4]}
            - name: Weights already in the cart are not offered, the next ones are
              cart: {currency: USD, items: [{sku: REEL-F, quantity: 1, price: 80.00}, {sku: TT-4001, quantity: 1, price: 1.00}]}
              expect:
                - {type: CROSS_SELL, products: [TT-4002, TT-4003, TT-4004, TT-4005]}
            - name: A dress gets the first accessories in size M and olive, past 2,500 black ones
              cart: {currency: USD, items: [{sku: DRESS-1, quantity: 1, price: 60.00}]}
              shopper: {size: M, preferredColors: [olive, teal]}
              expect:
                - {type: CROSS_SELL, products: [ACC-2505, ACC-2517, ACC-2529, ACC-2541]}
            """;

    @Inject
    ScenarioCheck check;

    private static RuleBook book;
    private static ProductCatalog catalog;

    @BeforeAll
    static void writeTheFeedAndCompile() throws IOException {
        ScratchRules.delete(FOLDER);
        Files.createDirectories(FOLDER);
        ScratchRules.write(FOLDER, "cross-sell.drl", RULES);
        String feed = "id\ttitle\tprice\tavailability\tproduct_type\tcolor\tsize\tcustom_label_0\n"
                + "REEL-F\tFreshwater reel\t80.00 USD\tin_stock\tFishing > Reels\t\t\tfreshwater\n"
                + "REEL-S\tSaltwater reel\t80.00 USD\tin_stock\tFishing > Reels\t\t\tsaltwater\n"
                + "DRESS-1\tSummer dress\t60.00 USD\tin_stock\tApparel > Dresses\t\t\t\n"
                + IntStream.range(0, 6000).mapToObj(i -> "TT-" + i + "\tWeight " + i + "\t1.00 USD\t" + stock(i)
                        + "\tFishing > Terminal Tackle\t\t\t" + (i < 4000 ? "saltwater" : "freshwater") + "\n").collect(Collectors.joining())
                + IntStream.range(0, 3000).mapToObj(i -> "ACC-" + i + "\tAccessory " + i + "\t5.00 USD\t" + stock(i)
                        + "\tApparel > Accessories\t" + (i < 2500 ? "black" : List.of("olive", "navy", "red").get(i % 3)) + "\t"
                        + List.of("S", "M", "L", "XL").get(i % 4) + "\t\n").collect(Collectors.joining());
        Path feedFile = Files.writeString(FOLDER.resolve("feed.tsv"), feed);
        catalog = CatalogReader.read(List.of(feedFile.toString()), null).products();
        var compilation = new RuleCompiler().compile(RuleSources.fromFolder(FOLDER));
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).as("the look-ups are narrowed, not filtered").isEmpty();
        book = compilation.book();
    }

    private static String stock(int i) {
        return i % 7 == 3 ? "out_of_stock" : "in_stock";
    }

    @Test
    void shouldShowTheFirstMatchingProductsOfTheFeedHoweverDeepInTheCategory() throws Exception {
        List<ScenarioCheck.Outcome> outcomes = check.run(book, catalog, List.of(ScenarioFile.parse("large.yaml", SCENARIOS)));

        assertThat(outcomes).hasSize(4).allSatisfy(outcome -> assertThat(outcome.failures()).as(outcome.scenario()).isEmpty());
    }

    @Test
    void shouldFailAScenarioThatExpectsTheCategorysFirstProductsRegardlessOfTheWater() throws Exception {
        List<ScenarioCheck.Outcome> outcomes = check.run(book, catalog, List.of(ScenarioFile.parse("wrong.yaml", """
                - name: A freshwater reel expects the saltwater weights that open the category
                  cart: {currency: USD, items: [{sku: REEL-F, quantity: 1, price: 80.00}]}
                  expect:
                    - {type: CROSS_SELL, products: [TT-0, TT-1, TT-2, TT-4]}
                """)));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failures()).singleElement().asString()
                .contains("TT-4001").contains("TT-4004"));
    }
}
