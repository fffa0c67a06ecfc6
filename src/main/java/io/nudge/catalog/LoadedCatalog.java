package io.nudge.catalog;

import java.time.Instant;
import java.util.List;

import io.nudge.catalog.CatalogException.RowProblem;

/**
 * A catalog that loaded, and what it was loaded from: its version (a hash of every feed's and the
 * pairs' bytes), when and in how long (fetching, hashing and reading every feed), each feed's rows
 * and refused rows, the pairs kept and those skipped.
 */
public record LoadedCatalog(ProductCatalog products, String version, Instant loadedAt, long loadMillis, List<Feed> feeds, Pairs pairs) {

    /** At most this many refused rows of a feed are kept to be shown; all are counted. */
    static final int PROBLEMS_SHOWN = 50;

    /** One feed: where from (a URL without its query, which may hold a key), its rows, how many were refused and the first of them. */
    public record Feed(String source, int rows, int refused, List<RowProblem> firstRefused) {
    }

    /** The bought-together file: pairs kept, and those skipped because the catalog lacks a sku. */
    public record Pairs(String source, int kept, int skipped, List<RowProblem> firstSkipped) {
        static final Pairs NONE = new Pairs(null, 0, 0, List.of());
    }

    public int refusedRows() {
        return feeds.stream().mapToInt(Feed::refused).sum();
    }
}
