package io.nudge.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.nudge.money.Money;
import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Product;

/**
 * The products rules may suggest, indexed the ways rules look them up, and which products
 * shoppers buy together. Immutable: a rule reload builds a new one.
 */
public final class ProductCatalog implements Catalog {

    public static final String PRODUCTS_FILE = "catalog.csv";
    public static final String BOUGHT_TOGETHER_FILE = "bought-together.csv";

    private final Map<String, Product> bySku;
    private final Map<String, List<Product>> byCategory;
    private final Map<String, List<Product>> byLine;
    private final Map<String, List<Product>> boughtWith;

    public ProductCatalog(List<Product> products) {
        this.bySku = products.stream().collect(Collectors.toUnmodifiableMap(Product::sku, Function.identity()));
        this.byCategory = products.stream().collect(Collectors.groupingBy(Product::category, Collectors.toUnmodifiableList()));
        this.byLine = products.stream().filter(p -> p.line() != null)
                .collect(Collectors.groupingBy(Product::line, Collectors.toUnmodifiableList()));
        this.boughtWith = Map.of();
    }

    /** {@code products} with its pairs: the product indexes are shared, not built again. */
    private ProductCatalog(ProductCatalog products, Map<String, List<Product>> boughtWith) {
        this.bySku = products.bySku;
        this.byCategory = products.byCategory;
        this.byLine = products.byLine;
        this.boughtWith = boughtWith;
    }

    @Override
    public Product product(String sku) {
        return bySku.get(sku);
    }

    @Override
    public List<Product> inCategory(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    @Override
    public List<Product> ofLine(String line) {
        return byLine.getOrDefault(line, List.of());
    }

    /**
     * The products bought-together.csv pairs with {@code sku}, best first. A map lookup, so a
     * table of 10,000 pairs costs a decision no more than a table of 10.
     */
    @Override
    public List<Product> boughtWith(String sku) {
        return boughtWith.getOrDefault(sku, List.of());
    }

    public int size() {
        return bySku.size();
    }

    /** Up to {@code limit} products whose sku or name contains {@code text}, ignoring case, by sku. */
    public List<Product> search(String text, int limit) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return bySku.values().stream()
                .filter(p -> p.sku().toLowerCase(Locale.ROOT).contains(wanted) || p.name().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparing(Product::sku))
                .limit(limit)
                .toList();
    }

    /**
     * One catalog.csv row: sku,name,category,line,price,tags,sizes,colors,maxChildAge; lists are
     * comma-separated inside quotes, and so are the prices, one per currency: "USD 12.99, EUR 11.99".
     */
    @RegisterForReflection // read by Jackson, which the native binary must be told of
    record Row(String sku, String name, String category, String line, String price,
            String tags, String sizes, String colors, Integer maxChildAge) {

        /** What is wrong with the row, or null: a product needs a sku, a name, a category and a price of at least 0 in each currency it names. */
        String problem() {
            if (sku == null || sku.isBlank()) {
                return "has no sku";
            }
            if (name == null || name.isBlank()) {
                return "product \"" + sku.strip() + "\" has no name";
            }
            if (category == null || category.isBlank()) {
                return "product \"" + sku.strip() + "\" has no category";
            }
            if (price == null || price.isBlank()) {
                return "product \"" + sku.strip() + "\" needs a price in each currency the shop sells it in, such as \"USD 12.99, EUR 11.99\"";
            }
            Set<String> currencies = new HashSet<>();
            for (String entry : split(price)) {
                Map.Entry<String, BigDecimal> amount = Money.amountOrNull(entry);
                if (amount == null) {
                    return "product \"" + sku.strip() + "\" has price \"" + entry
                            + "\": write a currency in use and an amount of at least 0, such as USD 12.99";
                }
                if (!currencies.add(amount.getKey())) {
                    return "product \"" + sku.strip() + "\" has two prices in " + amount.getKey();
                }
            }
            return null;
        }

        Product toProduct() {
            Map<String, BigDecimal> prices = split(price).stream().map(Money::amountOrNull)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return new Product(sku.strip(), name.strip(), category.strip(), blankToNull(line), prices,
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

    /** One bought-together.csv row: a product, a product to suggest with it, and how strongly (higher first). */
    @RegisterForReflection
    record Pairing(String sku, String partner, int priority) {
    }

    /**
     * Reads catalog.csv and, when the shop keeps one, bought-together.csv (null when absent).
     * Every sku a pairing names must be in the catalog.
     */
    public static ProductCatalog read(String productsCsv, String boughtTogetherCsv) {
        ProductCatalog catalog = new ProductCatalog(productsCsv == null ? List.of() : products(productsCsv));
        if (boughtTogetherCsv == null) {
            return catalog;
        }
        Map<String, List<Pairing>> bySku = new HashMap<>();
        for (Located<Pairing> row : rows(BOUGHT_TOGETHER_FILE, boughtTogetherCsv, Pairing.class)) {
            Pairing pairing = row.value();
            for (String sku : new String[] { pairing.sku(), pairing.partner() }) {
                if (catalog.product(sku) == null) {
                    throw new CatalogException(BOUGHT_TOGETHER_FILE, row.line(), "sku \"" + sku + "\" is not in " + PRODUCTS_FILE);
                }
            }
            bySku.computeIfAbsent(pairing.sku(), sku -> new ArrayList<>()).add(pairing);
        }
        Map<String, List<Product>> boughtWith = new HashMap<>();
        bySku.forEach((sku, partners) -> boughtWith.put(sku, partners.stream()
                .sorted(Comparator.comparingInt(Pairing::priority).reversed().thenComparing(Pairing::partner))
                .map(pairing -> catalog.product(pairing.partner())).distinct().toList()));
        return new ProductCatalog(catalog, Map.copyOf(boughtWith));
    }

    /** The products of catalog.csv; every row is checked, and all that is wrong is refused at once. */
    private static List<Product> products(String csv) {
        List<CatalogException.RowProblem> problems = new ArrayList<>();
        Map<String, Integer> lineOfSku = new HashMap<>();
        List<Product> products = new ArrayList<>();
        for (Located<Row> row : rows(PRODUCTS_FILE, csv, Row.class)) {
            String problem = row.value().problem();
            Integer first = problem == null ? lineOfSku.putIfAbsent(row.value().sku().strip(), row.line()) : null;
            if (problem == null && first != null) {
                problem = "sku \"" + row.value().sku().strip() + "\" is already on line " + first;
            }
            if (problem == null) {
                products.add(row.value().toProduct());
            } else {
                problems.add(new CatalogException.RowProblem(PRODUCTS_FILE, row.line(), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return products;
    }

    /** A row and the line it starts on. */
    private record Located<T>(int line, T value) {
    }

    private static <T> List<Located<T>> rows(String file, String csv, Class<T> type) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(type).withHeader().withColumnReordering(true);
        List<Located<T>> rows = new ArrayList<>();
        try (MappingIterator<T> values = mapper.readerFor(type).with(schema).readValues(csv)) {
            while (values.hasNextValue()) {
                int line = values.getCurrentLocation().getLineNr();
                rows.add(new Located<>(line, values.nextValue()));
            }
            return rows;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CatalogException(file, at == null ? 0 : at.getLineNr(), "cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(file, 0, "cannot be read: " + e.getMessage());
        }
    }
}
