package io.nudge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import io.nudge.vocabulary.Product;

class CatalogTest {

    private static final String CSV = """
            sku,name,category,line,price,tags,sizes,colors,maxChildAge
            DRS-WRAP,Wrap dress,apparel/dresses,,"USD 79.00, EUR 75.00, JPY 11900",,"S,M,L","navy,red",
            HYD-SER,Hydra serum,beauty/serums,Hydra,USD 38.00,,,,
            PAC-2,Pacifier 2-pack,baby/pacifiers,,USD 8.99,,,,2
            """;

    private final ProductCatalog catalog = ProductCatalog.read(CSV, null);

    @Test
    void shouldReadListsAndOptionalColumns() {
        Product dress = catalog.product("DRS-WRAP");
        assertThat(dress.sizes()).containsExactlyInAnyOrder("S", "M", "L");
        assertThat(dress.colors()).containsExactlyInAnyOrder("navy", "red");
        assertThat(dress.line()).isNull();
        assertThat(dress.maxChildAge()).isNull();
        assertThat(dress.priceIn("USD")).isEqualTo(new BigDecimal("79.00"));
        assertThat(dress.priceIn("EUR")).isEqualTo(new BigDecimal("75.00"));
        assertThat(dress.priceIn("JPY")).isEqualTo(new BigDecimal("11900"));
        assertThat(dress.priceIn("GBP")).as("no price in pounds").isNull();
        assertThat(catalog.product("PAC-2").maxChildAge()).isEqualTo(2);
    }

    @Test
    void shouldFindProductsByCategoryAndLine() {
        assertThat(catalog.inCategory("beauty/serums")).extracting(Product::sku).containsExactly("HYD-SER");
        assertThat(catalog.ofLine("Hydra")).extracting(Product::sku).containsExactly("HYD-SER");
        assertThat(catalog.inCategory("nothing")).isEmpty();
        assertThat(catalog.product("NOPE")).isNull();
    }

    @Test
    void shouldListWhatIsBoughtTogetherBestFirst() {
        ProductCatalog paired = ProductCatalog.read(CSV, """
                sku,partner,priority
                DRS-WRAP,PAC-2,10
                DRS-WRAP,HYD-SER,70
                """);

        assertThat(paired.boughtWith("DRS-WRAP")).extracting(Product::sku).containsExactly("HYD-SER", "PAC-2");
        assertThat(paired.boughtWith("HYD-SER")).isEmpty();
    }

    @Test
    void shouldRefuseAPairingWhoseSkuIsNotInTheCatalogNamingFileAndLine() {
        assertThatThrownBy(() -> ProductCatalog.read(CSV, """
                sku,partner,priority
                DRS-WRAP,HYD-SER,70
                DRS-WRAP,HYD-SRE,60
                """))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.file()).isEqualTo("bought-together.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("\"HYD-SRE\" is not in catalog.csv");
                });
    }

    @Test
    void shouldRefuseAPairingWithoutAWholeNumberPriority() {
        assertThatThrownBy(() -> ProductCatalog.read(CSV, """
                sku,partner,priority
                DRS-WRAP,HYD-SER,high
                """))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.file()).isEqualTo("bought-together.csv");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void shouldRefuseEveryRowWithoutWhatAProductNeedsNamingEachLine() {
        assertThatThrownBy(() -> ProductCatalog.read("""
                sku,name,category,line,price,tags,sizes,colors,maxChildAge
                WGT-1,Weights,fishing/terminal-tackle,,,,,,
                ,Nameless sku,fishing/reels,,USD 10.00,,,,
                REEL-1,,fishing/reels,,USD 10.00,,,,
                REEL-2,Reel,,,USD 10.00,,,,
                REEL-3,Reel,fishing/reels,,USD -1.00,,,,
                REEL-4,Reel,fishing/reels,,USD 12.00,,,,
                REEL-4,Same reel,fishing/reels,,USD 12.00,,,,
                REEL-5,Reel,fishing/reels,,12.00,,,,
                REEL-6,Reel,fishing/reels,,"USD 12.00, ESP 2000",,,,
                REEL-7,Reel,fishing/reels,,"USD 12.00, USD 11.00",,,,
                """, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        new CatalogException.RowProblem("catalog.csv", 2, "product \"WGT-1\" needs a price in each currency the shop"
                                + " sells it in, such as \"USD 12.99, EUR 11.99\""),
                        new CatalogException.RowProblem("catalog.csv", 3, "has no sku"),
                        new CatalogException.RowProblem("catalog.csv", 4, "product \"REEL-1\" has no name"),
                        new CatalogException.RowProblem("catalog.csv", 5, "product \"REEL-2\" has no category"),
                        new CatalogException.RowProblem("catalog.csv", 6, "product \"REEL-3\" has price \"USD -1.00\": write a currency"
                                + " in use and an amount of at least 0, such as USD 12.99"),
                        new CatalogException.RowProblem("catalog.csv", 8, "sku \"REEL-4\" is already on line 7"),
                        new CatalogException.RowProblem("catalog.csv", 9, "product \"REEL-5\" has price \"12.00\": write a currency"
                                + " in use and an amount of at least 0, such as USD 12.99"),
                        new CatalogException.RowProblem("catalog.csv", 10, "product \"REEL-6\" has price \"ESP 2000\": write a currency"
                                + " in use and an amount of at least 0, such as USD 12.99"),
                        new CatalogException.RowProblem("catalog.csv", 11, "product \"REEL-7\" has two prices in USD")));
    }
}
