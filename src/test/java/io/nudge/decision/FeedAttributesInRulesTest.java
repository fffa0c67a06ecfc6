package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nudge.catalog.CatalogReader;
import io.nudge.catalog.ProductCatalog;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RuleSources;
import io.nudge.testing.FixedDecisionConfig;

/** Rules read what a shop's feed says of a product, and the answer shows only what is in stock, at the price of the moment. */
class FeedAttributesInRulesTest {

    private static final String FEED = "id\ttitle\tprice\tsale_price\tsale_price_effective_date\tavailability\tproduct_type\tbrand\tage_group\tcustom_label_0\n"
            + "PAN-28\tCast iron pan 28 cm\t49.90 USD\t\t\tin_stock\tHome & Garden > Kitchen > Cookware\tForge\t\t\n"
            + "LID-28\tGlass lid 28 cm\t19.90 USD\t14.90 USD\t2027-11-26T00:00Z/2027-11-30T00:00Z\tin_stock\tHome & Garden > Kitchen > Lids\tForge\t\tBestseller\n"
            + "LID-24\tGlass lid 24 cm\t17.90 USD\t\t\tout_of_stock\tHome & Garden > Kitchen > Lids\tForge\t\t\n"
            + "BIB-1\tBaby bib\t5.00 USD\t\t\tin_stock\tBaby > Feeding\tTiny\ttoddler\t\n";
    private static final String RULES = """
            package nudge;
            import io.nudge.vocabulary.*;
            import function io.nudge.vocabulary.Candidate.crossSell;
            global io.nudge.vocabulary.Catalog catalog;

            rule "A bestselling lid of the same brand for a new pan"
                @description("test")
            when
                $pan : LineItem( category == "home-garden/kitchen/cookware" )
                $pans : Product( brand == "Forge" ) from catalog.product( $pan.sku )
                $lid : Product( available, department == "home-garden", brand == $pans.brand, tags contains "bestseller" ) from catalog.product( "LID-28" )
            then
                insert( crossSell( $lid, "A lid that fits" ) );
            end

            rule "The smaller lid, named by its sku"
                @description("test")
            when
                LineItem( category == "home-garden/kitchen/cookware" )
                $lid : Product( !available, availability == "out_of_stock" ) from catalog.product( "LID-24" )
            then
                insert( crossSell( $lid, "The smaller lid" ) );
            end

            rule "A bib for a toddler"
                @description("test")
            when
                LineItem( category == "home-garden/kitchen/cookware" )
                $bib : Product( ageGroup == "toddler", maxChildAge == 5 ) from catalog.product( "BIB-1" )
            then
                insert( crossSell( $bib, "A bib" ) );
            end
            """;

    @TempDir
    Path dir;

    private Decision decide(String at) throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.tsv"), FEED);
        ProductCatalog catalog = CatalogReader.read(List.of(feed.toString()), null).products();
        RuleBook book = new RuleCompiler().compile(new RuleSources(new TreeMap<>(Map.of("kitchen.drl", RULES)), new TreeMap<>())).book();
        NudgeRequest request = JsonMapper.builder().findAndAddModules().build().readValue("""
                {"cart": {"currency": "USD", "items": [{"sku": "PAN-28", "quantity": 1, "price": 49.90}]}, "context": {"at": "%s"}}
                """.formatted(at), NudgeRequest.class);
        return new DecisionEngine(new FixedDecisionConfig(5, 100, Duration.ofSeconds(5)), new RuleFaults(new SimpleMeterRegistry()), HoldoutPolicy.NONE)
                .decide(book, RequestFacts.of(request, catalog), true);
    }

    @Test
    void shouldLetRulesReadTheFeedAndShowOnlyWhatIsInStock() throws IOException {
        Decision decision = decide("2026-03-02T10:00:00Z");

        assertThat(decision.explanation().fired()).extracting(Explanation.FiredRule::rule).containsExactlyInAnyOrder(
                "A bestselling lid of the same brand for a new pan", "The smaller lid, named by its sku", "A bib for a toddler");
        assertThat(decision.nudges()).extracting(Nudge::rule).containsExactlyInAnyOrder("A bestselling lid of the same brand for a new pan",
                "A bib for a toddler");
        assertThat(decision.explanation().removedProducts()).singleElement().satisfies(removed -> {
            assertThat(removed.sku()).isEqualTo("LID-24");
            assertThat(removed.reason()).isEqualTo("out of stock");
        });
    }

    @Test
    void shouldPriceASuggestionAtItsSalePriceWhileTheSaleRuns() throws IOException {
        assertThat(lidPrice(decide("2027-11-25T23:59:59Z"))).isEqualTo(new BigDecimal("19.90"));
        assertThat(lidPrice(decide("2027-11-27T12:00:00Z"))).isEqualTo(new BigDecimal("14.90"));
        assertThat(lidPrice(decide("2027-11-30T00:00:00Z"))).isEqualTo(new BigDecimal("19.90"));
    }

    private static BigDecimal lidPrice(Decision decision) {
        return decision.nudges().stream().flatMap(nudge -> nudge.products().stream()).filter(product -> product.sku().equals("LID-28"))
                .findFirst().orElseThrow().price();
    }
}
