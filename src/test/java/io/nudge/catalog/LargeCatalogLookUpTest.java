package io.nudge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Product;

/**
 * Look-ups over categories of thousands of products: the first {@value Catalog#LOOK_UP_SIZE} in stock
 * that match, in the feed's order, however deep in the category they are.
 */
class LargeCatalogLookUpTest {

    private static final String TACKLE = "fishing/terminal-tackle";
    private static final String ACCESSORIES = "apparel/accessories";

    /** 6,000 weights: the first 4,000 for salt water, then fresh water; every seventh out of stock. */
    private static Product weight(int i) {
        return product("TT-" + i, TACKLE, Set.of(i < 4000 ? "saltwater" : "freshwater"), Set.of(), Set.of(), i);
    }

    /** 3,000 accessories in four sizes; black until 2,500, then olive, navy and red in turn. */
    private static Product accessory(int i) {
        return product("ACC-" + i, ACCESSORIES, Set.of(), Set.of(List.of("S", "M", "L", "XL").get(i % 4)),
                Set.of(i < 2500 ? "black" : List.of("olive", "navy", "red").get(i % 3)), i);
    }

    private static Product product(String sku, String category, Set<String> tags, Set<String> sizes, Set<String> colors, int i) {
        return new Product(sku, sku, category, "L" + i % 50, Map.of("USD", BigDecimal.ONE), tags, sizes, colors, null, null, null, null,
                i % 7 == 3 ? "out_of_stock" : Product.IN_STOCK, null, Map.of());
    }

    private static final ProductCatalog CATALOG;

    static {
        List<Product> products = new ArrayList<>();
        IntStream.range(0, 6000).mapToObj(LargeCatalogLookUpTest::weight).forEach(products::add);
        IntStream.range(0, 3000).mapToObj(LargeCatalogLookUpTest::accessory).forEach(products::add);
        CATALOG = new ProductCatalog(products, Map.of("TT-0", IntStream.range(1, 200).mapToObj(i -> "TT-" + (6000 - i)).toList()));
    }

    /** What a look-up must give: the first products of the feed, in its order, that are in stock and pass {@code filter}. */
    private static List<String> firstInStock(String prefix, int count, java.util.function.IntPredicate filter) {
        return IntStream.range(0, count).filter(i -> i % 7 != 3).filter(filter).limit(Catalog.LOOK_UP_SIZE)
                .mapToObj(i -> prefix + i).toList();
    }

    @Test
    void shouldOfferTheFirstProductsOfACategoryInStockInFeedOrder() {
        assertThat(CATALOG.inCategory(TACKLE)).extracting(Product::sku).containsExactlyElementsOf(firstInStock("TT-", 6000, i -> true));
        assertThat(CATALOG.inCategory("fishing/nothing-here")).isEmpty();
    }

    @Test
    void shouldFindTaggedProductsDeepInACategory() {
        assertThat(CATALOG.inCategory(TACKLE).tagged("freshwater")).extracting(Product::sku)
                .containsExactlyElementsOf(firstInStock("TT-", 6000, i -> i >= 4000))
                .first().isEqualTo("TT-4001");
        assertThat(CATALOG.inCategory(TACKLE).tagged("saltwater")).extracting(Product::sku)
                .containsExactlyElementsOf(firstInStock("TT-", 6000, i -> i < 4000));
        assertThat(CATALOG.inCategory(TACKLE).tagged("brackish")).isEmpty();
        assertThat(CATALOG.inCategory(TACKLE).tagged(null)).isEmpty();
    }

    @Test
    void shouldNarrowBySizeAndColoursTogetherInAnyOrder() {
        List<String> mediumOlive = firstInStock("ACC-", 3000, i -> i % 4 == 1 && i >= 2500 && i % 3 == 0);
        assertThat(mediumOlive).isNotEmpty().allMatch(sku -> Integer.parseInt(sku.substring(4)) >= 2500);
        assertThat(CATALOG.inCategory(ACCESSORIES).inSize("M").inAnyColorOf(List.of("olive", "teal")))
                .extracting(Product::sku).containsExactlyElementsOf(mediumOlive);
        assertThat(CATALOG.inCategory(ACCESSORIES).inAnyColorOf(Set.of("olive")).inSize("M"))
                .extracting(Product::sku).containsExactlyElementsOf(mediumOlive);
        assertThat(CATALOG.inCategory(ACCESSORIES).inAnyColorOf(List.of("olive", "navy")))
                .extracting(Product::sku).containsExactlyElementsOf(firstInStock("ACC-", 3000, i -> i >= 2500 && i % 3 != 2));
        assertThat(CATALOG.inCategory(ACCESSORIES).inSize("XXL")).isEmpty();
        assertThat(CATALOG.inCategory(ACCESSORIES).inSize(null)).isEmpty();
        assertThat(CATALOG.inCategory(ACCESSORIES).inAnyColorOf(List.of())).isEmpty();
        assertThat(CATALOG.inCategory(TACKLE).tagged("freshwater").inSize("M")).as("weights come in no size").isEmpty();
        assertThat(CATALOG.inCategory(TACKLE).tagged("freshwater").tagged("saltwater")).as("every narrowing holds").isEmpty();
        assertThat(CATALOG.inCategory(ACCESSORIES).inSize("M").inSize("L")).isEmpty();
        assertThat(CATALOG.inCategory(ACCESSORIES).inAnyColorOf(List.of("olive", "navy")).inAnyColorOf(List.of("olive", "red")))
                .extracting(Product::sku).containsExactlyElementsOf(firstInStock("ACC-", 3000, i -> i >= 2500 && i % 3 == 0));
        assertThat(CATALOG.inCategory(null)).as("a cart line without a category").isEmpty();
        assertThat(CATALOG.boughtWith(null)).isEmpty();
    }

    @Test
    void shouldOfferTheFirstProductsOfALineAndTheBestPairs() {
        assertThat(CATALOG.ofLine("L1")).extracting(Product::sku).containsExactlyElementsOf(firstInStock("TT-", 6000, i -> i % 50 == 1));
        assertThat(CATALOG.boughtWith("TT-0")).extracting(Product::sku)
                .containsExactlyElementsOf(IntStream.range(1, 200).map(i -> 6000 - i).filter(i -> i % 7 != 3)
                        .limit(Catalog.LOOK_UP_SIZE).mapToObj(i -> "TT-" + i).toList());
    }
}
