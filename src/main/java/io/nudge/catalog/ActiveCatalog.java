package io.nudge.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The catalog that serves decisions. Loaded at start-up, then read again on schedule
 * ({@code nudge.catalog.refresh}), on {@code POST /v1/catalog/reload} and, when watched, on a change
 * to a feed file. A reload swaps the whole catalog atomically, and only when every feed could be read:
 * a request reads {@link #current()} once and decides with that catalog from start to end.
 */
@Startup
@ApplicationScoped
public class ActiveCatalog {

    private static final Logger LOG = Logger.getLogger(ActiveCatalog.class);
    /** While no catalog serves, the feeds are tried again this often. */
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final AtomicReference<LoadedCatalog> serving = new AtomicReference<>();
    private final CatalogReader reader;
    private final CatalogConfig config;
    private final MeterRegistry registry;
    private volatile CatalogReload lastRefused;
    private volatile Instant lastAttempt = Instant.MIN;
    /** When the feeds last proved current: loaded, or read again unchanged. */
    private volatile Instant freshAt;
    /** The watched files as last seen, and whether a change waits for them to settle. */
    private List<String> watchedState = List.of();
    private boolean changePending;

    ActiveCatalog(CatalogConfig config, MeterRegistry registry) {
        this.config = config;
        this.reader = new CatalogReader(config);
        this.registry = registry;
        Gauge.builder("nudge.catalog.products", serving, now -> now.get() == null ? 0 : now.get().products().size())
                .description("Products in the serving catalog").register(registry);
        Gauge.builder("nudge.catalog.refused.rows", serving, now -> now.get() == null ? 0 : now.get().refusedRows())
                .description("Feed rows refused when the serving catalog loaded").register(registry);
        Gauge.builder("nudge.catalog.age", this, active -> active.freshAt == null ? Double.NaN
                : Duration.between(active.freshAt, Instant.now()).toMillis() / 1000.0)
                .baseUnit("seconds").description("Time since the feeds were last read and found current").register(registry);
        watchedState = config.watch() ? watchedState() : List.of();
        reload("start-up");
    }

    /** The catalog serving now; {@link NoCatalog} while none does. */
    public ProductCatalog current() {
        return serving().products();
    }

    /** The catalog serving now, with what it was loaded from; {@link NoCatalog} while none does. */
    public LoadedCatalog serving() {
        LoadedCatalog now = serving.get();
        if (now == null) {
            throw new NoCatalog(notServing());
        }
        return now;
    }

    /** The catalog serving now, or an empty one while none does: for checks, which must run regardless. */
    public ProductCatalog currentOrEmpty() {
        LoadedCatalog now = serving.get();
        return now == null ? ProductCatalog.EMPTY : now.products();
    }

    /** Why no catalog serves; null while one does. */
    public String notServing() {
        if (serving.get() != null) {
            return null;
        }
        return lastRefused == null ? "the catalog has not loaded yet" : "the catalog cannot load: " + lastRefused.problems().get(0);
    }

    /** The last reload refused since a catalog last went live; null when none. */
    public CatalogReload lastRefused() {
        return lastRefused;
    }

    /** When the feeds last proved current; null before the first load. */
    public Instant freshAt() {
        return freshAt;
    }

    /** Reads the feeds and, when they changed and every one could be read, swaps them in; one reload at a time. */
    public synchronized CatalogReload reload(String trigger) {
        lastAttempt = Instant.now();
        LoadedCatalog now = serving.get();
        CatalogReload attempt;
        long started = System.nanoTime();
        List<CatalogReader.Fetched> fetched = List.of();
        try {
            fetched = reader.fetch();
            String version = CatalogReader.versionOf(fetched);
            if (now != null && version.equals(now.version())) {
                attempt = new CatalogReload(trigger, Instant.now(), version, CatalogReload.Result.UNCHANGED, List.of());
            } else {
                LoadedCatalog loaded = reader.read(fetched, started);
                serving.set(loaded);
                LOG.infof("Catalog %s loaded (%s) in %d ms: %d products, %d in stock, %d rows refused, %d pairs, %d pairs skipped",
                        loaded.version(), trigger, loaded.loadMillis(), loaded.products().size(), loaded.products().inStock(),
                        loaded.refusedRows(), loaded.pairs().kept(), loaded.pairs().skipped());
                loaded.feeds().forEach(feed -> feed.firstRefused().stream().limit(5).forEach(problem -> LOG.warnf("Row refused: %s", problem)));
                loaded.pairs().firstSkipped().stream().limit(5).forEach(problem -> LOG.warnf("Pair skipped: %s", problem));
                attempt = new CatalogReload(trigger, Instant.now(), version, CatalogReload.Result.LOADED, List.of());
            }
            freshAt = Instant.now();
            lastRefused = null;
        } catch (CatalogException e) {
            attempt = new CatalogReload(trigger, Instant.now(), null, CatalogReload.Result.REFUSED, e.problems());
            lastRefused = attempt;
            LOG.warnf("Catalog reload (%s) refused; %s: %s", trigger, now == null ? "no catalog serves" : "version " + now.version()
                    + " keeps serving", e.problems().get(0));
        } finally {
            CatalogReader.discard(fetched);
        }
        Counter.builder("nudge.catalog.reloads").tag("result", attempt.result().name().toLowerCase(Locale.ROOT))
                .description("Catalog reloads, by result").register(registry).increment();
        return attempt;
    }

    @Scheduled(identity = "catalog-refresh", every = "${nudge.catalog.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reload("schedule");
    }

    /**
     * Every debounce period: while watched, reloads once the feed files changed and then stayed as they
     * were for a period (a feed being written is not read half done); while none serves, tries again.
     */
    @Scheduled(identity = "catalog-watch", every = "${nudge.catalog.debounce}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (serving.get() == null && Duration.between(lastAttempt, Instant.now()).compareTo(RETRY) >= 0) {
            reload("retry");
        }
        if (!config.watch()) {
            return;
        }
        List<String> state = watchedState();
        if (!state.equals(watchedState)) {
            watchedState = state;
            changePending = true;
        } else if (changePending) {
            changePending = false;
            reload("watch");
        }
    }

    /** Each local feed file's name, size and time of change. */
    private List<String> watchedState() {
        List<String> state = new ArrayList<>();
        try {
            for (Path file : reader.localFiles()) {
                state.add(file + " " + (Files.exists(file) ? Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() : "absent"));
            }
        } catch (IOException | UncheckedIOException | CatalogException e) {
            state.add("unreadable " + e.getMessage());
        }
        return state;
    }
}
