package io.nudge.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nudge.catalog.CatalogException.RowProblem;

/**
 * What callers without the admin token see of where the catalog comes from: a feed on this machine by its file name
 * alone, not the absolute path that tells the layout of the server. URLs (already without their secrets) and paths
 * relative to the service's folder are shown as they are.
 */
public final class LocalPaths {

    /** An absolute path: from a slash at the start of a text or after a space, up to its last slash. */
    private static final Pattern FOLDER = Pattern.compile("(^|(?<=\\s))/(?:[^/\\s]+/)+");

    private LocalPaths() {
    }

    /** {@code text} with each absolute path cut to its last part. */
    public static String hidden(String text) {
        return text == null ? null : FOLDER.matcher(text).replaceAll(Matcher.quoteReplacement(""));
    }

    public static LoadedCatalog.Feed hidden(LoadedCatalog.Feed feed) {
        return new LoadedCatalog.Feed(hidden(feed.source()), feed.rows(), feed.refused(), hidden(feed.firstRefused()));
    }

    public static LoadedCatalog.Pairs hidden(LoadedCatalog.Pairs pairs) {
        return new LoadedCatalog.Pairs(hidden(pairs.source()), pairs.kept(), pairs.skipped(), hidden(pairs.firstSkipped()));
    }

    public static CatalogReload hidden(CatalogReload reload) {
        return reload == null ? null
                : new CatalogReload(reload.trigger(), reload.at(), reload.version(), reload.result(), hidden(reload.problems()));
    }

    private static List<RowProblem> hidden(List<RowProblem> problems) {
        return problems == null ? null : problems.stream()
                .map(p -> new RowProblem(hidden(p.file()), p.line(), p.column(), p.attribute(), hidden(p.message()))).toList();
    }
}
