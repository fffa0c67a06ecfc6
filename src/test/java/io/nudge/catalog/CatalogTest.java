package io.nudge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.nudge.catalog.CatalogException.RowProblem;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.nudge.vocabulary.Product;

/** Merchant Center feeds read into a catalog: the mapping, bad rows, refused feeds, several markets, pairs. */
class CatalogTest {

    private static final String HEADER = "id\ttitle\tprice\tavailability\tproduct_type\tbrand\tcolor\tsize\tage_group\tcustom_label_0\tcustom_label_1"
            + "\titem_group_id\tgoogle_product_category\tproduct_line\tlink\n";
    private static final String US = HEADER
            + "PAN-28\tCast iron pan 28 cm\t49.90 USD\tin_stock\tHome & Garden > Kitchen > Cookware\tForge\tBlack\t\t\tBestseller\t\tPAN\t"
            + "Home & Garden > Kitchen & Dining\t\thttps://shop.example/pan-28\n"
            + "PAN-24\tCast iron pan 24 cm\t39.90 USD\tout_of_stock\tHome & Garden > Kitchen > Cookware\tForge\tBlack\t\t\t\t\tPAN\t\t\t\n"
            + "TEE-1\tOrganic tee\t19.00 USD\tin_stock\tApparel & Accessories > Clothing > Shirts & Tops\tNorthwind\tNavy/Red\tS, M,L\tkids\tSummer\tORGANIC\t\t\t\t\n"
            + "SER-1\tHydra serum\t38.00 USD\tin_stock\tBeauty > Serums\t\t\t\t\t\t\t\t\tHydra\t\n"
            + "CLN-1\tHydra cleanser\t22.00 USD\tpreorder\tBeauty > Cleansers\t\t\t\t\t\t\t\t\tHydra\t\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private LoadedCatalog read(Path... feeds) {
        return CatalogReader.read(List.of(feeds).stream().map(Path::toString).toList(), null);
    }

    @Test
    void shouldMapMerchantCenterAttributesToProducts() throws IOException {
        ProductCatalog catalog = read(write("us.tsv", US)).products();

        Product pan = catalog.product("PAN-28");
        assertThat(pan.name()).isEqualTo("Cast iron pan 28 cm");
        assertThat(pan.priceIn("USD")).isEqualTo(new BigDecimal("49.90"));
        assertThat(pan.category()).isEqualTo("home-garden/kitchen/cookware");
        assertThat(pan.department()).isEqualTo("home-garden");
        assertThat(pan.googleProductCategory()).isEqualTo("Home & Garden > Kitchen & Dining");
        assertThat(pan.brand()).isEqualTo("Forge");
        assertThat(pan.itemGroupId()).isEqualTo("PAN");
        assertThat(pan.tags()).containsExactly("bestseller");
        assertThat(pan.available()).isTrue();

        Product tee = catalog.product("TEE-1");
        assertThat(tee.category()).isEqualTo("apparel-accessories/clothing/shirts-tops");
        assertThat(tee.colors()).containsExactlyInAnyOrder("Navy", "Red");
        assertThat(tee.sizes()).containsExactlyInAnyOrder("S", "M", "L");
        assertThat(tee.ageGroup()).isEqualTo("kids");
        assertThat(tee.maxChildAge()).isEqualTo(13);
        assertThat(tee.tags()).containsExactlyInAnyOrder("summer", "organic");
        assertThat(catalog.product("SER-1").line()).isEqualTo("Hydra");
        assertThat(catalog.product("SER-1").brand()).isNull();
    }

    @Test
    void shouldOfferOnlyProductsInStockWhileStillFindingTheRestBySku() throws IOException {
        ProductCatalog catalog = read(write("us.tsv", US)).products();

        assertThat(catalog.product("PAN-24").available()).isFalse();
        assertThat(catalog.product("PAN-24").availability()).isEqualTo("out_of_stock");
        assertThat(catalog.inCategory("home-garden/kitchen/cookware")).extracting(Product::sku).containsExactly("PAN-28");
        assertThat(catalog.ofLine("Hydra")).as("a preorder is not in stock").extracting(Product::sku).containsExactly("SER-1");
        assertThat(catalog.inStock()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheValuesManyProductsRepeatOnceSoThatALargeCatalogStaysSmall() throws IOException {
        ProductCatalog catalog = read(write("us.tsv", HEADER
                + "A-1\tFirst\t19.00 USD\tin_stock\tApparel\t\tNavy/Red\tM\t\tSummer\t\t\t\t\t\n"
                + "A-2\tSecond\t19.00 USD\tin_stock\tApparel\t\tRed/Navy\tM\t\tSummer\t\t\t\t\t\n")).products();
        Product first = catalog.product("A-1");
        Product second = catalog.product("A-2");

        assertThat(second.colors()).containsExactly("Navy", "Red").isSameAs(first.colors());
        assertThat(second.sizes()).isSameAs(first.sizes());
        assertThat(second.tags()).isSameAs(first.tags());
        assertThat(second.priceIn("USD")).isSameAs(first.priceIn("USD"));
    }

    @Test
    void shouldGiveAProductAPricePerMarketFromSeveralFeedsAndStockOnlyWhereEveryMarketHasIt() throws IOException {
        Path us = write("us.tsv", US);
        Path de = write("de.csv", """
                id,title,price,availability,product_type
                PAN-28,Gusseisenpfanne 28 cm,"44.90 EUR",in_stock,Haus & Garten
                SER-1,Hydra Serum,36.00 EUR,out_of_stock,Beauty
                JPY-ONLY,Only in euros,12 EUR,in_stock,Beauty
                """ + IntStream.range(0, 40).mapToObj(i -> "EU-" + i + ",Euro " + i + ",1.00 EUR,in_stock,Beauty\n").collect(Collectors.joining())
                + "TEE-1,Bio-Shirt,\"19,00 EUR\",out_of_stock,Apparel\n");

        ProductCatalog catalog = read(us, de).products();
        assertThat(catalog.product("SER-1").priceIn("EUR")).isEqualTo(new BigDecimal("36.00"));
        assertThat(catalog.product("SER-1").name()).as("the first feed's title").isEqualTo("Hydra serum");
        assertThat(catalog.product("SER-1").available()).as("out of stock in one market").isFalse();
        assertThat(catalog.product("PAN-28").priceIn("EUR")).isEqualTo(new BigDecimal("44.90"));
        assertThat(catalog.product("JPY-ONLY").priceIn("EUR")).isEqualTo(new BigDecimal("12.00"));
        assertThat(catalog.product("TEE-1").priceIn("EUR")).as("its row is refused").isNull();
        assertThat(catalog.product("TEE-1").available()).as("yet the refused row says out of stock, and that counts").isFalse();
    }

    @Test
    void shouldRefuseBadRowsWithFileLineColumnAndAttributeAndReadTheRest() throws IOException {
        String rows = IntStream.range(0, 40).mapToObj(i -> "OK-" + i + "\tGood " + i + "\t1.00 USD\tin_stock\n").collect(Collectors.joining());
        Path feed = write("shop.tsv", "id\ttitle\tprice\tavailability\n" + rows
                + "BAD-1\tComma\t12,34 USD\tin_stock\n"
                + "BAD-2\tNo stock word\t1.00 USD\tsold out\n");

        LoadedCatalog loaded = read(feed);

        assertThat(loaded.products().size()).isEqualTo(40);
        assertThat(loaded.feeds()).singleElement().satisfies(summary -> {
            assertThat(summary.rows()).isEqualTo(42);
            assertThat(summary.refused()).isEqualTo(2);
            assertThat(summary.firstRefused()).extracting(RowProblem::line).containsExactly(42, 43);
            assertThat(summary.firstRefused().get(0)).satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(feed.toString());
                assertThat(problem.column()).isEqualTo(3);
                assertThat(problem.attribute()).isEqualTo("price");
                assertThat(problem.message()).contains("\"12,34 USD\" is not a price");
            });
            assertThat(summary.firstRefused().get(1).message()).contains("\"sold out\" is not an availability", "in_stock");
        });
    }

    @Test
    void shouldRefuseEveryKindOfBadRowByName() throws IOException {
        String good = IntStream.range(0, 300).mapToObj(i -> "OK-" + i + "\tGood\t1.00 USD\tin_stock\t\t\t\n").collect(Collectors.joining());
        Path feed = write("bad.tsv", "id\ttitle\tprice\tavailability\tage_group\tsale_price\tsale_price_effective_date\n" + good
                + "\tNo id\t1.00 USD\tin_stock\t\t\t\n"
                + "NO-TITLE\t\t1.00 USD\tin_stock\t\t\t\n"
                + "CENTS\tToo fine\t1.001 USD\tin_stock\t\t\t\n"
                + "YEN\tYen with cents\t100.50 JPY\tin_stock\t\t\t\n"
                + "AGE\tAge\t1.00 USD\tin_stock\tteen\t\t\n"
                + "SALE\tSale\t2.00 USD\tin_stock\t\t1.50 EUR\t\n"
                + "DATES\tDates\t2.00 USD\tin_stock\t\t1.50 USD\tnext week\n"
                + "OK-1\tTwice\t1.00 USD\tin_stock\t\t\t\n"
                + "EXP\tExponent\t1e3 USD\tin_stock\t\t\t\n"
                + "PLUS\tSigned\t+5 USD\tin_stock\t\t\t\n"
                + "DEAR\tDearer on sale\t2.00 USD\tin_stock\t\t2.50 USD\t\n"
                + "FEB\tNo such day\t2.00 USD\tin_stock\t\t1.50 USD\t2027-02-30T00:00Z/2027-03-02T00:00Z\n");

        List<RowProblem> refused = read(feed).feeds().get(0).firstRefused();

        assertThat(refused).extracting(RowProblem::attribute).containsExactly("id", "title", "price", "price", "age_group", "sale_price",
                "sale_price_effective_date", "id", "price", "price", "sale_price", "sale_price_effective_date");
        assertThat(refused).extracting(RowProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("is empty"),
                m -> assertThat(m).startsWith("is empty"),
                m -> assertThat(m).contains("more decimals than USD has (2)"),
                m -> assertThat(m).contains("more decimals than JPY has (0)"),
                m -> assertThat(m).contains("\"teen\" is not an age group"),
                m -> assertThat(m).contains("is in EUR but the price is in USD"),
                m -> assertThat(m).contains("\"next week\" is not a period"),
                m -> assertThat(m).contains("id \"OK-1\" is on an earlier line of this feed"),
                m -> assertThat(m).contains("\"1e3 USD\" is not a price"),
                m -> assertThat(m).contains("\"+5 USD\" is not a price"),
                m -> assertThat(m).contains("\"2.50 USD\" is not below the price, 2.00 USD"),
                m -> assertThat(m).contains("\"2027-02-30T00:00Z\" is not a date and time"));
    }

    @Test
    void shouldRefuseAFeedWithMoreBadRowsThanTheShareAllowsWhole() throws IOException {
        Path feed = write("broken.tsv", "id\ttitle\tprice\tavailability\nA\tA\t1.00 USD\tin_stock\nB\tB\tfree\tin_stock\n");

        assertThatThrownBy(() -> read(feed)).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.problems().get(0).file()).isEqualTo(feed.toString());
            assertThat(e.problems().get(0).message()).contains("1 of its 2 rows (50.0%) are refused", "nudge.catalog.max-refused-share (5.0%)");
            assertThat(e.problems().get(1).line()).isEqualTo(3);
        });
    }

    @Test
    void shouldRefuseAFeedThatCannotBeReadAsOne() throws IOException {
        assertThatThrownBy(() -> read(write("empty.tsv", ""))).hasMessageContaining("is empty");
        assertThatThrownBy(() -> read(write("header.tsv", "id\ttitle\tprice\tavailability\n"))).as("a truncated export")
                .hasMessageContaining("has no product rows");
        assertThatThrownBy(() -> read(write("wrong.csv", "sku,name,price\nA,B,1.00 USD\n")))
                .hasMessageContaining("line 1").hasMessageContaining("has no id, no title, no availability column");
        assertThatThrownBy(() -> read(dir.resolve("missing.tsv"))).hasMessageContaining("missing.tsv").hasMessageContaining("does not exist");
    }

    @Test
    void shouldReadTheXmlFormToo() throws IOException {
        Path feed = write("feed.xml", """
                <?xml version="1.0"?>
                <rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">
                <channel>
                  <title>Shop</title>
                  <item>
                    <g:id>PAN-28</g:id>
                    <title>Cast iron pan &amp; lid</title>
                    <g:price>49.90 USD</g:price>
                    <g:availability>in stock</g:availability>
                    <g:product_type>Home &amp; Garden &gt; Kitchen</g:product_type>
                    <g:size>S</g:size>
                    <g:size>M</g:size>
                    <g:shipping><g:country>US</g:country><g:price>4.95 USD</g:price></g:shipping>
                  </item>
                  <item>
                    <g:id>BAD</g:id>
                    <title>No price</title>
                    <g:availability>in_stock</g:availability>
                  </item>
                </channel>
                </rss>
                """);

        assertThatThrownBy(() -> read(feed)).as("one bad item of two is too many").isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.problems().get(1)).satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(15);
                    assertThat(problem.column()).as("an XML feed has no columns").isZero();
                    assertThat(problem.attribute()).isEqualTo("price");
                }));
        Files.writeString(feed, Files.readString(feed).replaceAll("(?s)<item>\\s*<g:id>BAD.*?</item>", ""));

        LoadedCatalog loaded = read(feed);
        Product pan = loaded.products().product("PAN-28");
        assertThat(pan.name()).isEqualTo("Cast iron pan & lid");
        assertThat(pan.category()).isEqualTo("home-garden/kitchen");
        assertThat(pan.sizes()).containsExactlyInAnyOrder("S", "M");
        assertThat(pan.available()).isTrue();
        assertThat(loaded.feeds().get(0).refused()).isZero();
    }

    @Test
    void shouldPriceASaleOnlyWhileItRuns() throws IOException {
        Path feed = write("sale.tsv", "id\ttitle\tprice\tavailability\tsale_price\tsale_price_effective_date\n"
                + "STOVE\tStove\t49.00 USD\tin_stock\t39.00 USD\t2027-11-26T00:00-0500/2027-11-30T00:00-0500\n"
                + "ALWAYS\tAlways\t10.00 USD\tin_stock\t8.00 USD\t\n"
                + "DAYS\tWhole days\t10.00 USD\tin_stock\t7.00 USD\t2027-11-27/2027-11-30\n");

        ProductCatalog catalog = read(feed).products();

        Product stove = catalog.product("STOVE");
        assertThat(stove.priceIn("USD", Instant.parse("2027-11-26T04:59:59Z"))).isEqualTo(new BigDecimal("49.00"));
        assertThat(stove.priceIn("USD", Instant.parse("2027-11-26T05:00:00Z"))).isEqualTo(new BigDecimal("39.00"));
        assertThat(stove.priceIn("USD", Instant.parse("2027-11-30T05:00:00Z"))).isEqualTo(new BigDecimal("49.00"));
        assertThat(stove.priceIn("USD")).as("the regular price").isEqualTo(new BigDecimal("49.00"));
        assertThat(catalog.product("ALWAYS").priceIn("USD", Instant.EPOCH)).isEqualTo(new BigDecimal("8.00"));
        assertThat(catalog.product("DAYS").priceIn("USD", Instant.parse("2027-11-30T23:59:59Z"))).as("an end date includes its day")
                .isEqualTo(new BigDecimal("7.00"));
        assertThat(catalog.product("DAYS").priceIn("USD", Instant.parse("2027-12-01T00:00:00Z"))).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void shouldReadASalesDaysAndMomentsWithoutOffsetInTheShopsZoneAsCampaignDaysAre() throws IOException {
        Path feed = write("sale.tsv", "id\ttitle\tprice\tavailability\tsale_price\tsale_price_effective_date\n"
                + "DAYS\tWhole days\t10.00 USD\tin_stock\t7.00 USD\t2027-11-27/2027-11-30\n"
                + "HOURS\tFrom nine\t10.00 USD\tin_stock\t8.00 USD\t2027-11-27T09:00/\n");
        // The zone follows nudge.rules.zone unless the catalog sets its own: one shop, one calendar.
        ProductCatalog catalog = readWith(Map.of("nudge.rules.zone", "America/New_York", "nudge.catalog.feed", feed.toString())).products();

        Product days = catalog.product("DAYS");
        assertThat(days.priceIn("USD", Instant.parse("2027-11-27T04:59:59Z"))).as("before midnight in New York").isEqualTo(new BigDecimal("10.00"));
        assertThat(days.priceIn("USD", Instant.parse("2027-11-27T05:00:00Z"))).isEqualTo(new BigDecimal("7.00"));
        assertThat(days.priceIn("USD", Instant.parse("2027-12-01T04:59:59Z"))).as("the end day, whole, in New York").isEqualTo(new BigDecimal("7.00"));
        assertThat(days.priceIn("USD", Instant.parse("2027-12-01T05:00:00Z"))).isEqualTo(new BigDecimal("10.00"));
        assertThat(catalog.product("HOURS").priceIn("USD", Instant.parse("2027-11-27T13:59:59Z"))).isEqualTo(new BigDecimal("10.00"));
        assertThat(catalog.product("HOURS").priceIn("USD", Instant.parse("2027-11-27T14:00:00Z"))).isEqualTo(new BigDecimal("8.00"));
    }

    @Test
    void shouldListWhatIsBoughtTogetherBestFirstSkippingPairsTheFeedNoLongerHas() throws IOException {
        Path feed = write("us.tsv", US);
        Path pairs = write("pairs.csv", """
                sku,partner,priority
                PAN-28,TEE-1,10
                PAN-28,SER-1,70
                PAN-28,PAN-24,90
                PAN-28,GONE,80
                SER-1
                """);

        LoadedCatalog loaded = CatalogReader.read(List.of(feed.toString()), pairs.toString());

        assertThat(loaded.products().boughtWith("PAN-28")).as("best first, the one out of stock left out")
                .extracting(Product::sku).containsExactly("SER-1", "TEE-1");
        assertThat(loaded.pairs().kept()).isEqualTo(3);
        assertThat(loaded.pairs().skipped()).isEqualTo(2);
        assertThat(loaded.pairs().firstSkipped()).satisfiesExactly(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).contains("\"GONE\" is not in the catalog: the pair is skipped");
        }, problem -> {
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("needs a sku and a partner");
        });
    }

    @Test
    void shouldReadEveryFeedOfAFolderByName() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("feeds"));
        Files.writeString(folder.resolve("a-us.tsv"), US);
        Files.writeString(folder.resolve("b-gb.tsv"), "id\ttitle\tprice\tavailability\nPAN-28\tPan\t42.00 GBP\tin_stock\n");
        Files.writeString(folder.resolve("notes.md"), "not a feed");

        LoadedCatalog loaded = CatalogReader.read(List.of(folder.toString()), null);

        assertThat(loaded.feeds()).extracting(LoadedCatalog.Feed::source).containsExactly(folder.resolve("a-us.tsv").toString(),
                folder.resolve("b-gb.tsv").toString());
        assertThat(loaded.products().product("PAN-28").prices()).containsOnlyKeys("USD", "GBP");
    }

    @Test
    void shouldDownloadAFeedAndNameItWithoutItsQuery() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.tsv", exchange -> {
            byte[] body = US.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/gone.tsv", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            LoadedCatalog loaded = CatalogReader.read(List.of(base + "/feed.tsv?key=secret"), null);
            assertThat(loaded.products().size()).isEqualTo(5);
            assertThat(loaded.feeds().get(0).source()).isEqualTo(base + "/feed.tsv?…");
            assertThatThrownBy(() -> CatalogReader.read(List.of(base + "/gone.tsv?key=secret"), null))
                    .hasMessage(base + "/gone.tsv?…: answered HTTP 404 instead of the feed");
            String withUser = base.replace("//", "//shop:s3cret@");
            assertThat(CatalogReader.read(List.of(withUser + "/feed.tsv"), null).feeds().get(0).source())
                    .as("the user and password of a URL are never shown").isEqualTo(base + "/feed.tsv");
            assertThatThrownBy(() -> CatalogReader.read(List.of(withUser + "/gone.tsv?key=secret"), null))
                    .hasMessage(base + "/gone.tsv?…: answered HTTP 404 instead of the feed");
            assertThatThrownBy(() -> CatalogReader.read(List.of("https://shop:s3cret@bad host/feed.tsv"), null))
                    .hasMessage("https://bad host/feed.tsv: is not a URL");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldGiveTheSameVersionForTheSameBytesAndAnotherForAChange() throws IOException {
        Path feed = write("us.tsv", US);
        String before = read(feed).version();
        assertThat(read(feed).version()).isEqualTo(before);
        Files.writeString(feed, US.replace("49.90 USD", "44.90 USD"));
        assertThat(read(feed).version()).isNotEqualTo(before);
    }

    /** The catalog read with settings as the service reads them: defaults, expressions and sizes included. */
    private static LoadedCatalog readWith(Map<String, String> settings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(CatalogConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter());
        settings.forEach(builder::withDefaultValue);
        CatalogReader reader = new CatalogReader(builder.build().getConfigMapping(CatalogConfig.class));
        List<CatalogReader.Fetched> fetched = reader.fetch();
        try {
            return reader.read(fetched, System.nanoTime());
        } finally {
            CatalogReader.discard(fetched);
        }
    }

    @Test
    void shouldCutOffAFeedURLThatSendsMoreThanTheMostAllowedAndFollowARedirect() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/endless.tsv", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var body = exchange.getResponseBody()) {
                body.write(US.getBytes(StandardCharsets.UTF_8));
                byte[] row = "MORE\tMore\t1.00 USD\tin_stock\n".getBytes(StandardCharsets.UTF_8);
                while (true) {
                    body.write(row);
                }
            } catch (IOException cutOff) {
                // the reader hung up: what the test wants
            }
        });
        server.createContext("/feed.tsv", exchange -> {
            byte[] body = US.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved.tsv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feed.tsv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> readWith(Map.of("nudge.catalog.feed", base + "/endless.tsv?key=secret",
                    "nudge.catalog.max-download-size", "64K")))
                    .hasMessage(base + "/endless.tsv?…: sent more than nudge.catalog.max-download-size (65536 bytes)");
            assertThat(readWith(Map.of("nudge.catalog.feed", base + "/moved.tsv", "nudge.catalog.max-download-size", "64K")).products().size())
                    .as("a redirect is followed, as object stores and CDNs send them").isEqualTo(5);
        } finally {
            server.stop(0);
        }
    }
}
