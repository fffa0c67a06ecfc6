package io.nudge.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The products rules may suggest, indexed the ways rules look them up. Immutable: a rule
 * reload builds a new one.
 */
public final class Catalog {

    private final Map<String, Product> bySku;
    private final Map<String, List<Product>> byCategory;
    private final Map<String, List<Product>> byLine;

    public Catalog(List<Product> products) {
        this.bySku = products.stream().collect(Collectors.toUnmodifiableMap(Product::sku, Function.identity()));
        this.byCategory = products.stream().collect(Collectors.groupingBy(Product::category, Collectors.toUnmodifiableList()));
        this.byLine = products.stream().filter(p -> p.line() != null)
                .collect(Collectors.groupingBy(Product::line, Collectors.toUnmodifiableList()));
    }

    /** The product with this sku, or null when the shop does not sell it. */
    public Product product(String sku) {
        return bySku.get(sku);
    }

    public List<Product> inCategory(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    public List<Product> ofLine(String line) {
        return byLine.getOrDefault(line, List.of());
    }

    public int size() {
        return bySku.size();
    }

    /** One CSV row: sku,name,category,line,price,tags,sizes,colors,maxChildAge; lists are comma-separated inside quotes. */
    record Row(String sku, String name, String category, String line, BigDecimal price,
            String tags, String sizes, String colors, Integer maxChildAge) {

        Product toProduct() {
            return new Product(sku, name, category, blankToNull(line), price,
                    split(tags), split(sizes), split(colors), maxChildAge);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static Set<String> split(String list) {
            if (list == null || list.isBlank()) {
                return Set.of();
            }
            return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    public static Catalog readCsv(String csv) {
        return readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    public static Catalog readCsv(InputStream csv) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Row.class).withHeader().withColumnReordering(true);
        try (MappingIterator<Row> rows = mapper.readerFor(Row.class).with(schema).readValues(csv)) {
            return new Catalog(rows.readAll().stream().map(Row::toProduct).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("catalog.csv cannot be read: " + e.getMessage(), e);
        }
    }
}
