package io.nudge.catalog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the shop's catalog comes from and how it is kept fresh (docs/catalog.md). */
@ConfigMapping(prefix = "nudge.catalog")
public interface CatalogConfig {

    /**
     * The product feeds, in Merchant Center's format: each a file, a folder (every .tsv, .txt, .csv and .xml
     * file in it, by name) or an http(s) URL. Several feeds, one per market, give a product its price in
     * several currencies; the first feed that lists a product gives its title and other attributes.
     */
    @WithDefault("rules/catalog")
    List<String> feed();

    /** Which products shoppers buy together (sku,partner,priority); none when unset. */
    Optional<String> boughtTogether();

    /** How often the feeds are read again, such as 1h; off: only on start, on POST /v1/catalog/reload and, when watched, on a change. */
    @WithDefault("off")
    String refresh();

    /** Whether a change to a feed file (not a URL) reloads the catalog, once the file has been quiet for the debounce time. */
    @WithDefault("false")
    boolean watch();

    /** How long a watched file must stay unchanged after a change before the catalog reloads. */
    @WithDefault("1s")
    Duration debounce();

    /** The share of a feed's rows that may be refused (0.05 is 5%); a feed with more bad rows is refused whole. */
    @WithDefault("0.05")
    double maxRefusedShare();

    /** How long a feed URL may take to answer in full. */
    @WithDefault("60s")
    Duration downloadTimeout();

    /**
     * The most a feed URL may send, such as 2G or 500M: a server that sends without end, or a wrong URL that
     * serves something huge, is cut off there rather than fill the disk.
     */
    @WithDefault("2G")
    MemorySize maxDownloadSize();

    /** The attribute that names a product's line, the range sold together as a routine (see docs/catalog.md). */
    @WithDefault("product_line")
    String lineAttribute();

    /**
     * The zone of a sale's dates written without an offset ({@code 2027-11-27/2027-11-30}): the shop's, as for
     * campaign days, so that a sale and a campaign of the same days start together.
     */
    @WithDefault("${nudge.rules.zone:UTC}")
    ZoneId zone();
}
