package io.nudge.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Products;

/**
 * The products rules may suggest, indexed the ways rules look them up, and which products shoppers
 * buy together. Looking a product up by sku finds it whatever its stock; every look-up that offers
 * products to suggest (by category, with a tag, size or colour, by line or pairing) offers only the
 * first {@value Catalog#LOOK_UP_SIZE} in stock. Immutable: a reload builds a new one.
 */
public final class ProductCatalog implements Catalog {

    private static final Products NO_CATEGORY = new CategoryLookUp(CategoryIndex.EMPTY);

    /** No products: what rules see while no catalog has loaded. */
    public static final ProductCatalog EMPTY = new ProductCatalog(List.of(), Map.of());

    private final Map<String, Product> bySku;
    private final Map<String, CategoryLookUp> byCategory;
    private final Map<String, List<Product>> byLine;
    private final Map<String, List<Product>> boughtWith;
    private final int inStock;

    /** {@code products}, and for a sku the skus bought with it, best first. */
    public ProductCatalog(List<Product> products, Map<String, List<String>> pairs) {
        this.bySku = products.stream().collect(Collectors.toUnmodifiableMap(Product::sku, Function.identity()));
        List<Product> inStock = products.stream().filter(Product::available).toList();
        this.inStock = inStock.size();
        Map<String, CategoryIndex> categories = new HashMap<>();
        inStock.stream().filter(p -> p.category() != null)
                .forEach(p -> categories.computeIfAbsent(p.category(), category -> new CategoryIndex()).add(p));
        Map<String, CategoryLookUp> byCategory = new HashMap<>();
        categories.forEach((category, index) -> {
            index.seal();
            byCategory.put(category, new CategoryLookUp(index));
        });
        this.byCategory = Map.copyOf(byCategory);
        this.byLine = inStock.stream().filter(p -> p.line() != null)
                .collect(Collectors.groupingBy(Product::line, Collectors.collectingAndThen(Collectors.toList(), ProductCatalog::first)));
        Map<String, List<Product>> partners = new HashMap<>();
        pairs.forEach((sku, skus) -> partners.put(sku, first(skus.stream().map(bySku::get).filter(p -> p != null && p.available()).distinct().toList())));
        this.boughtWith = Map.copyOf(partners);
    }

    public ProductCatalog(List<Product> products) {
        this(products, Map.of());
    }

    @Override
    public Product product(String sku) {
        return bySku.get(sku);
    }

    @Override
    public Products inCategory(String category) {
        CategoryLookUp products = category == null ? null : byCategory.get(category);
        return products == null ? NO_CATEGORY : products;
    }

    @Override
    public List<Product> ofLine(String line) {
        return byLine.getOrDefault(line, List.of());
    }

    /**
     * The products shoppers buy with {@code sku}, best first. A map lookup, so a
     * table of 10,000 pairs costs a decision no more than a table of 10.
     */
    @Override
    public List<Product> boughtWith(String sku) {
        return sku == null ? List.of() : boughtWith.getOrDefault(sku, List.of());
    }

    /** The first products a look-up offers. */
    static List<Product> first(List<Product> products) {
        return List.copyOf(products.subList(0, Math.min(LOOK_UP_SIZE, products.size())));
    }

    public int size() {
        return bySku.size();
    }

    /** How many products are in stock. */
    public int inStock() {
        return inStock;
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
}
