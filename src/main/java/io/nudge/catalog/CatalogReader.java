package io.nudge.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.nudge.catalog.CatalogException.RowProblem;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Sale;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Reads the configured feeds and pairs into a catalog. Everything is fetched first and hashed: when the
 * bytes are those of the catalog serving, nothing is parsed. A feed that cannot be read, or that has more
 * bad rows than {@code nudge.catalog.max-refused-share} allows, refuses the whole catalog.
 */
public final class CatalogReader {

    private static final CsvMapper CSV = new CsvMapper();
    /** The scheme of a URL, then the user information before its host ({@code user:password@}). */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /**
     * A configured source, a feed or the pairs, by the name problems give it: the file that holds it (a download
     * is kept in a temporary file, deleted by {@link #discard}) and the SHA-256 of its bytes.
     */
    record Fetched(String name, Path file, byte[] sha, boolean downloaded) {
    }

    private final CatalogConfig config;
    /** Made on the first download: a client keeps a thread, which a catalog of files has no use for. */
    private HttpClient http;

    CatalogReader(CatalogConfig config) {
        this.config = config;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }
        return http;
    }

    /**
     * The catalog of {@code feeds} and {@code boughtTogether} (null for none), read once with every other
     * setting at its default: for the build's tools and tests, which have no running service.
     */
    public static LoadedCatalog read(List<String> feeds, String boughtTogether) {
        CatalogReader reader = new CatalogReader(new Defaults(feeds, Optional.ofNullable(boughtTogether)));
        long started = System.nanoTime();
        List<Fetched> fetched = reader.fetch();
        try {
            return reader.read(fetched, started);
        } finally {
            discard(fetched);
        }
    }

    /** {@link CatalogConfig}'s defaults, for {@link #read(List, String)}. */
    private record Defaults(List<String> feed, Optional<String> boughtTogether) implements CatalogConfig {
        public String refresh() {
            return "off";
        }

        public boolean watch() {
            return false;
        }

        public Duration debounce() {
            return Duration.ofSeconds(1);
        }

        public double maxRefusedShare() {
            return 0.05;
        }

        public Duration downloadTimeout() {
            return Duration.ofSeconds(60);
        }

        public String lineAttribute() {
            return "product_line";
        }

        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        public MemorySize maxDownloadSize() {
            return new MemorySize(BigInteger.valueOf(2L << 30));
        }
    }

    /** Every feed, in the order configured, then the pairs, if any; what was downloaded before a failure is deleted. */
    List<Fetched> fetch() {
        List<Fetched> fetched = new ArrayList<>();
        try {
            for (String source : config.feed()) {
                fetched.addAll(fetchFeeds(source.strip()));
            }
            config.boughtTogether().filter(source -> !source.isBlank()).ifPresent(source -> fetched.add(fetchOne(source.strip())));
            return fetched;
        } catch (RuntimeException e) {
            discard(fetched);
            throw e;
        }
    }

    /** Deletes the downloads among {@code fetched}. */
    static void discard(List<Fetched> fetched) {
        fetched.stream().filter(Fetched::downloaded).forEach(one -> {
            try {
                Files.deleteIfExists(one.file());
            } catch (IOException e) {
                // A temporary file left behind costs disk, not correctness.
            }
        });
    }

    /** The local files that feed the catalog, for watching: folders as their feed files; URLs are not watched. */
    List<Path> localFiles() {
        List<Path> files = new ArrayList<>();
        Stream.concat(config.feed().stream(), config.boughtTogether().stream()).map(String::strip)
                .filter(source -> !source.isBlank() && !isUrl(source)).map(Path::of).forEach(path -> {
                    if (Files.isDirectory(path)) {
                        files.addAll(feedFiles(path));
                    } else {
                        files.add(path);
                    }
                });
        return files;
    }

    static String versionOf(List<Fetched> fetched) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Fetched one : fetched) {
                sha.update(one.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(one.sha());
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog of what {@link #fetch()}, started at {@code started} ({@link System#nanoTime()}), gave. */
    LoadedCatalog read(List<Fetched> fetched, long started) {
        boolean withPairs = config.boughtTogether().filter(source -> !source.isBlank()).isPresent();
        List<Fetched> feeds = withPairs ? fetched.subList(0, fetched.size() - 1) : fetched;
        // One product per sku at any moment, each market's listing merged into it as it is read: a large feed is never held twice.
        // In the first feed's order, which look-ups keep: a shop that lists its best sellers first has them suggested first.
        Map<String, Product> products = new LinkedHashMap<>(1 << 16);
        List<LoadedCatalog.Feed> summaries = new ArrayList<>();
        List<RowProblem> tooMany = new ArrayList<>();
        Map<String, String> notInStock = new HashMap<>();
        // The feed each currency was first read from, by its place in the list: a sku priced twice in it is listed twice there.
        Map<String, Integer> feedOfCurrency = new HashMap<>();
        for (int place = 0; place < feeds.size(); place++) {
            Fetched feed = feeds.get(place);
            Integer thisFeed = place;
            List<RowProblem> twice = new ArrayList<>();
            MerchantFeed.Read read = MerchantFeed.read(feed.name(), feed.file(), config.lineAttribute(), config.zone(), listing -> {
                feedOfCurrency.putIfAbsent(listing.currency(), thisFeed);
                Product product = products.get(listing.sku());
                if (product == null) {
                    products.put(listing.sku(), product(listing));
                } else if (product.prices().containsKey(listing.currency())) {
                    if (!Product.IN_STOCK.equals(listing.availability())) {
                        notInStock.put(listing.sku(), listing.availability());
                    }
                    twice.add(thisFeed.equals(feedOfCurrency.get(listing.currency()))
                            ? new RowProblem(feed.name(), listing.row(), 0, MerchantFeed.ID, "id \"" + listing.sku()
                                    + "\" is on an earlier line of this feed: give each product one row")
                            : new RowProblem(feed.name(), listing.row(), 0, MerchantFeed.PRICE, "id \"" + listing.sku() + "\" has a price in "
                                    + listing.currency() + " already, from a feed before this one: give a product one price per currency"));
                } else {
                    products.put(listing.sku(), withMarket(product, listing));
                }
            });
            notInStock.putAll(read.notInStock());
            List<RowProblem> refused = new ArrayList<>(read.refused());
            refused.addAll(twice);
            refused.sort(Comparator.comparingInt(RowProblem::line));
            summaries.add(new LoadedCatalog.Feed(feed.name(), read.rows(), refused.size(),
                    List.copyOf(refused.subList(0, Math.min(refused.size(), LoadedCatalog.PROBLEMS_SHOWN)))));
            if (read.rows() > 0 && refused.size() > config.maxRefusedShare() * read.rows()) {
                tooMany.add(new RowProblem(feed.name(), 0, String.format(Locale.ROOT, "%d of its %d rows (%.1f%%) are refused, more than"
                        + " nudge.catalog.max-refused-share (%.1f%%) allows: the feed is refused whole", refused.size(), read.rows(),
                        100.0 * refused.size() / read.rows(), 100 * config.maxRefusedShare())));
                tooMany.addAll(refused.subList(0, Math.min(refused.size(), 20)));
            }
        }
        // A refused row that does not say in stock still counts: never suggest what one market cannot ship.
        notInStock.forEach((sku, stock) -> products.computeIfPresent(sku, (id, product) -> with(product, product.prices(), product.sales(), stock)));
        if (!tooMany.isEmpty()) {
            throw new CatalogException(tooMany);
        }
        LoadedCatalog.Pairs pairs = LoadedCatalog.Pairs.NONE;
        Map<String, List<String>> partners = Map.of();
        if (withPairs) {
            Fetched file = fetched.get(fetched.size() - 1);
            List<RowProblem> skipped = new ArrayList<>();
            partners = pairs(file, products.keySet(), skipped);
            pairs = new LoadedCatalog.Pairs(file.name(), partners.values().stream().mapToInt(List::size).sum(), skipped.size(),
                    List.copyOf(skipped.subList(0, Math.min(skipped.size(), LoadedCatalog.PROBLEMS_SHOWN))));
        }
        List<Product> all = List.copyOf(products.values());
        // Let go of the map before the catalog builds its indexes: at a million products both at once would not fit a pod.
        products.clear();
        ProductCatalog catalog = new ProductCatalog(all, partners);
        return new LoadedCatalog(catalog, versionOf(fetched), Instant.now(), (System.nanoTime() - started) / 1_000_000, List.copyOf(summaries), pairs);
    }

    /** One bought-together row: a product, a product to suggest with it, and how strongly (higher first). */
    @RegisterForReflection // read by Jackson, which the native binary must be told of
    record Pairing(String sku, String partner, int priority) {
    }

    /** For each sku, its partners best first; a pair naming a sku the feeds no longer have is skipped: feeds change under it. */
    private static Map<String, List<String>> pairs(Fetched file, Set<String> skus, List<RowProblem> skipped) {
        Map<String, List<Pairing>> bySku = new HashMap<>();
        CsvSchema schema = CSV.schemaFor(Pairing.class).withHeader().withColumnReordering(true);
        try (MappingIterator<Pairing> rows = CSV.readerFor(Pairing.class).with(schema).readValues(file.file().toFile())) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Pairing pairing = rows.nextValue();
                if (pairing.sku() == null || pairing.partner() == null) {
                    skipped.add(new RowProblem(file.name(), line, "needs a sku and a partner: the pair is skipped"));
                    continue;
                }
                String missing = !skus.contains(pairing.sku()) ? pairing.sku() : !skus.contains(pairing.partner()) ? pairing.partner() : null;
                if (missing != null) {
                    skipped.add(new RowProblem(file.name(), line, "sku \"" + missing + "\" is not in the catalog: the pair is skipped"));
                } else {
                    bySku.computeIfAbsent(pairing.sku(), sku -> new ArrayList<>()).add(pairing);
                }
            }
        } catch (JsonProcessingException e) {
            throw new CatalogException(file.name(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "cannot be read: write a header row sku,partner,priority and a pair per row, the priority a whole number");
        } catch (IOException e) {
            throw new CatalogException(file.name(), 0, "cannot be read: " + e.getMessage());
        }
        Map<String, List<String>> partners = new HashMap<>();
        bySku.forEach((sku, pairings) -> partners.put(sku, pairings.stream()
                .sorted(Comparator.comparingInt(Pairing::priority).reversed().thenComparing(Pairing::partner))
                .map(Pairing::partner).distinct().toList()));
        return partners;
    }

    /** The product of a first listing: its attributes are the product's. */
    private static Product product(MerchantFeed.Listing l) {
        return new Product(l.sku(), l.name(), l.category(), l.productLine(), Map.of(l.currency(), l.price()), l.tags(), l.sizes(), l.colors(),
                l.maxChildAge(), l.brand(), l.googleProductCategory(), l.itemGroupId(), l.availability(), l.ageGroup(),
                l.sale() == null ? Map.of() : Map.of(l.currency(), l.sale()));
    }

    /** {@code p} with the price of another market's listing; in stock only where every market says so, never to suggest what one cannot ship. */
    private static Product withMarket(Product p, MerchantFeed.Listing l) {
        Map<String, BigDecimal> prices = new HashMap<>(p.prices());
        prices.put(l.currency(), l.price());
        Map<String, Sale> sales = new HashMap<>(p.sales());
        if (l.sale() != null) {
            sales.put(l.currency(), l.sale());
        }
        return with(p, prices, sales, Product.IN_STOCK.equals(l.availability()) ? p.availability() : l.availability());
    }

    /** {@code p} with these prices, sales and availability, every other attribute as it was. */
    private static Product with(Product p, Map<String, BigDecimal> prices, Map<String, Sale> sales, String availability) {
        return new Product(p.sku(), p.name(), p.category(), p.line(), prices, p.tags(), p.sizes(), p.colors(), p.maxChildAge(), p.brand(),
                p.googleProductCategory(), p.itemGroupId(), availability, p.ageGroup(), sales);
    }

    private List<Fetched> fetchFeeds(String source) {
        if (!isUrl(source) && Files.isDirectory(Path.of(source))) {
            List<Path> files = feedFiles(Path.of(source));
            if (files.isEmpty()) {
                throw new CatalogException(source, 0, "holds no feed: a feed file's name ends in .tsv, .txt, .csv or .xml");
            }
            return files.stream().map(path -> fetchOne(path.toString())).toList();
        }
        return List.of(fetchOne(source));
    }

    private static List<Path> feedFiles(Path folder) {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(tsv|txt|csv|xml)$"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogException(folder.toString(), 0, "cannot be listed");
        }
    }

    private Fetched fetchOne(String source) {
        if (isUrl(source)) {
            return download(source);
        }
        try {
            return new Fetched(source, Path.of(source), sha256(Path.of(source)), false);
        } catch (NoSuchFileException e) {
            throw new CatalogException(source, 0, "does not exist" + (Path.of(source).isAbsolute() ? "" : " (a relative path starts at the service's working directory)"));
        } catch (IOException e) {
            throw new CatalogException(source, 0, e instanceof AccessDeniedException ? "cannot be read: the service is not allowed to read it" : "cannot be read");
        }
    }

    private Fetched download(String url) {
        String name = shown(url);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.downloadTimeout()).GET().build();
            Path download = Files.createTempFile("nudge-feed-", ".download");
            try {
                // The request's timeout ends once the headers arrive: the whole download is bounded here, a stalled body included.
                long most = config.maxDownloadSize().asLongValue();
                CompletableFuture<HttpResponse<Path>> answer = http().sendAsync(request,
                        info -> new AtMost(HttpResponse.BodySubscribers.ofFile(download), most));
                HttpResponse<Path> response;
                try {
                    response = answer.get(config.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    answer.cancel(true);
                    throw new CatalogException(name, 0, "did not arrive in full within nudge.catalog.download-timeout (" + config.downloadTimeout() + ")");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AtMost.TooLarge) {
                        throw new CatalogException(name, 0, "sent more than nudge.catalog.max-download-size (" + most + " bytes)");
                    }
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                if (response.statusCode() != 200) {
                    throw new CatalogException(name, 0, "answered HTTP " + response.statusCode() + " instead of the feed");
                }
                return new Fetched(name, download, sha256(download), true);
            } catch (IOException | RuntimeException | InterruptedException e) {
                Files.deleteIfExists(download);
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new CatalogException(name, 0, "is not a URL");
        } catch (IOException e) {
            // Said in words of our own: an exception's text can hold the URL's key or a class name.
            throw new CatalogException(name, 0, "cannot be downloaded: " + (e instanceof HttpTimeoutException ? "no answer in time"
                    : e instanceof ConnectException ? "the connection was refused" : e instanceof SSLException ? "its TLS certificate was not accepted"
                            : "the connection failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(name, 0, "the download was interrupted");
        }
    }

    /** A download written to its file up to {@code most} bytes, and failed with {@link TooLarge} past them. */
    private static final class AtMost implements HttpResponse.BodySubscriber<Path> {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large", null);
            }
        }

        private final HttpResponse.BodySubscriber<Path> file;
        private final long most;
        private long received;
        private Flow.Subscription subscription;

        AtMost(HttpResponse.BodySubscriber<Path> file, long most) {
            this.file = file;
            this.most = most;
        }

        @Override
        public CompletionStage<Path> getBody() {
            return file.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            file.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            if (received > most) {
                subscription.cancel();
                file.onError(new TooLarge());
            } else {
                file.onNext(buffers);
            }
        }

        @Override
        public void onError(Throwable failure) {
            file.onError(failure);
        }

        @Override
        public void onComplete() {
            file.onComplete();
        }
    }

    /**
     * A URL as problems, the log and {@code GET /v1/catalog} name it: without the user and password before its host,
     * its query or its fragment, any of which can hold a secret.
     */
    static String shown(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1").replaceFirst("#.*", "").replaceFirst("\\?.*", "?…");
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha.update(buffer, 0, read);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
