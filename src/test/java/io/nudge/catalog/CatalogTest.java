package io.nudge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final String CSV = """
            sku,name,category,line,price,tags,sizes,colors,maxChildAge
            DRS-WRAP,Wrap dress,apparel/dresses,,79.00,,"S,M,L","navy,red",
            HYD-SER,Hydra serum,beauty/serums,Hydra,38.00,,,,
            PAC-2,Pacifier 2-pack,baby/pacifiers,,8.99,,,,2
            """;

    private final Catalog catalog = Catalog.readCsv(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)));

    @Test
    void shouldReadListsAndOptionalColumns() {
        Product dress = catalog.product("DRS-WRAP");
        assertThat(dress.sizes()).containsExactlyInAnyOrder("S", "M", "L");
        assertThat(dress.colors()).containsExactlyInAnyOrder("navy", "red");
        assertThat(dress.line()).isNull();
        assertThat(dress.maxChildAge()).isNull();
        assertThat(dress.price()).isEqualTo(new BigDecimal("79.00"));
        assertThat(catalog.product("PAC-2").maxChildAge()).isEqualTo(2);
    }

    @Test
    void shouldFindProductsByCategoryAndLine() {
        assertThat(catalog.inCategory("beauty/serums")).extracting(Product::sku).containsExactly("HYD-SER");
        assertThat(catalog.ofLine("Hydra")).extracting(Product::sku).containsExactly("HYD-SER");
        assertThat(catalog.inCategory("nothing")).isEmpty();
        assertThat(catalog.product("NOPE")).isNull();
    }
}
