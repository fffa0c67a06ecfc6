package io.nudge.testing;

import java.util.ArrayList;
import java.util.List;

import io.nudge.catalog.CatalogReader;
import io.nudge.catalog.ProductCatalog;

/** The catalogs tests decide with, read from their feeds as the service reads them. */
public final class Catalogs {

    /** The test rule book's products (src/test/resources/rule-book/catalog), which the service serves under test. */
    public static final ProductCatalog TEST = CatalogReader.read(List.of(TestRuleBook.FOLDER.resolve("catalog").toString()),
            TestRuleBook.FOLDER.resolve("bought-together.csv").toString()).products();

    private Catalogs() {
    }

    /** The demo shop's products (rules/catalog), which the demo scenarios are written against, and any further feeds. */
    public static ProductCatalog demo(String... moreFeeds) {
        List<String> feeds = new ArrayList<>(List.of("rules/catalog"));
        feeds.addAll(List.of(moreFeeds));
        return CatalogReader.read(feeds, "rules/bought-together.csv").products();
    }
}
