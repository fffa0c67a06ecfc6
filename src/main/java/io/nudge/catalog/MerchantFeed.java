package io.nudge.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.nudge.catalog.CatalogException.RowProblem;
import io.nudge.money.Money;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Sale;

/**
 * One product feed in Google Merchant Center's product data format: tab-separated text, CSV or RSS 2.0
 * XML (attributes in the {@code g:} namespace), told apart by content. Each row becomes a {@link Listing};
 * a row with errors is refused with its line, column and attribute, and the rest are read.
 */
final class MerchantFeed {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String PRICE = "price";
    static final String SALE_PRICE = "sale_price";
    static final String SALE_DATES = "sale_price_effective_date";
    static final String AVAILABILITY = "availability";
    static final String PRODUCT_TYPE = "product_type";
    static final String GOOGLE_PRODUCT_CATEGORY = "google_product_category";
    static final String BRAND = "brand";
    static final String COLOR = "color";
    static final String SIZE = "size";
    static final String AGE_GROUP = "age_group";
    static final String ITEM_GROUP_ID = "item_group_id";
    static final List<String> CUSTOM_LABELS = List.of("custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4");
    /** A feed without these cannot give a single product. */
    static final List<String> REQUIRED = List.of(ID, TITLE, PRICE, AVAILABILITY);
    /** Attributes that may repeat in XML, read as one list; of any other, the first counts. */
    static final Set<String> LISTS = Set.of(COLOR, SIZE);

    /** Merchant Center's values, and the old spelling with a space that it still accepts. */
    static final Map<String, String> AVAILABILITIES = Map.of("in_stock", "in_stock", "out_of_stock", "out_of_stock", "preorder", "preorder",
            "backorder", "backorder");
    /** The oldest child, in years, each age group is for; adults are no child's. */
    static final Map<String, Integer> OLDEST_CHILD = new LinkedHashMap<>();
    static {
        OLDEST_CHILD.put("newborn", 0);
        OLDEST_CHILD.put("infant", 1);
        OLDEST_CHILD.put("toddler", 5);
        OLDEST_CHILD.put("kids", 13);
        OLDEST_CHILD.put("adult", null);
    }

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[/,]");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,15})?");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    // 2026-02-24T11:07+0100, 2026-02-24T11:07:00+01:00, 2026-02-24T11:07Z: the forms Merchant Center's examples use.
    private static final DateTimeFormatter MOMENT = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm[:ss]").optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /** One row of a feed: a product's attributes and its price in one currency. */
    record Listing(int row, String sku, String name, String category, String googleProductCategory, String brand,
            String productLine, String itemGroupId, String availability, String ageGroup, Integer maxChildAge,
            Set<String> tags, Set<String> sizes, Set<String> colors, String currency, BigDecimal price, Sale sale) {
    }

    /**
     * What a feed gave: how many rows it has, those refused with why, and the ids of refused rows that do not say
     * in_stock (or whose availability cannot be read): those products are not offered, whatever other feeds say.
     */
    record Read(String feed, int rows, List<RowProblem> refused, Map<String, String> notInStock) {
    }

    private final String feed;
    private final String lineAttribute;
    private final ZoneId zone;
    /** Values many rows repeat (product types, brands, prices, sales) are kept once. */
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, String> categories = new HashMap<>();
    /** And so are sets of tags, sizes and colours, each as the sorted set a product keeps: a large catalog is mostly repeats. */
    private final Map<Set<String>, SortedSet<String>> sets = new HashMap<>();

    private MerchantFeed(String feed, String lineAttribute, ZoneId zone) {
        this.feed = feed;
        this.lineAttribute = lineAttribute;
        this.zone = zone;
    }

    /**
     * Reads feed {@code feed} (its name in problems) from file {@code file}, a row at a time, handing each
     * good row to {@code listings}: a large feed is never held whole. {@code lineAttribute} names the
     * attribute that holds a product's line; sale dates without an offset are in {@code zone}. A feed that cannot be read at all throws {@link CatalogException}.
     */
    static Read read(String feed, Path file, String lineAttribute, ZoneId zone, Consumer<Listing> listings) {
        return new MerchantFeed(feed, lineAttribute, zone).read(file, listings);
    }

    private Read read(Path file, Consumer<Listing> listings) {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(4096), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        } catch (IOException e) {
            throw new CatalogException(feed, 0, "cannot be read: " + e.getMessage());
        }
        if (start.isEmpty()) {
            throw new CatalogException(feed, 0, "is empty: a feed needs a header row and a row per product");
        }
        List<RowProblem> refused = new ArrayList<>();
        Map<String, String> notInStock = new HashMap<>();
        Consumer<Row> each = row -> {
            try {
                // A sku listed twice is the catalog's to refuse: it holds every sku already, where a map here would double a large feed's memory.
                listings.accept(listing(row));
            } catch (RowRefused e) {
                refused.add(e.problem);
                String sku = row.value(ID);
                String stock = row.value(AVAILABILITY) == null ? null : AVAILABILITIES.get(row.value(AVAILABILITY).toLowerCase(Locale.ROOT).replace(' ', '_'));
                if (sku != null && !Product.IN_STOCK.equals(stock)) {
                    notInStock.put(sku, stock == null ? "out_of_stock" : stock);
                }
            }
        };
        int rows = start.startsWith("<") ? xmlRows(file, each) : tableRows(file, start.lines().findFirst().orElse("").contains("\t") ? '\t' : ',', each);
        if (rows == 0) {
            // A truncated export must not replace a catalog with nothing.
            throw new CatalogException(feed, 0, "has no product rows: a feed needs a row per product (an <item> or <entry> in XML)");
        }
        return new Read(feed, rows, refused, notInStock);
    }

    private Listing listing(Row row) {
        String sku = row.required(ID, "every product needs its id, the sku storefronts send");
        String name = row.required(TITLE, "every product needs a title");
        Amount price = amount(row, PRICE, row.required(PRICE, "write the price and its currency, such as 12.34 USD"));
        Sale sale = kept(sale(row, price));
        String availability = row.value(AVAILABILITY);
        String stock = availability == null ? null : AVAILABILITIES.get(availability.toLowerCase(Locale.ROOT).replace(' ', '_'));
        if (stock == null) {
            throw row.problem(AVAILABILITY, (availability == null ? "is empty" : "\"" + availability + "\" is not an availability")
                    + ": write in_stock, out_of_stock, preorder or backorder");
        }
        String ageGroup = row.value(AGE_GROUP) == null ? null : row.value(AGE_GROUP).toLowerCase(Locale.ROOT);
        if (ageGroup != null && !OLDEST_CHILD.containsKey(ageGroup)) {
            throw row.problem(AGE_GROUP, "\"" + row.value(AGE_GROUP) + "\" is not an age group: write one of " + String.join(", ", OLDEST_CHILD.keySet()));
        }
        Set<String> tags = Set.of();
        for (String label : CUSTOM_LABELS) {
            String tag = row.value(label);
            if (tag != null) {
                tags = tags.isEmpty() ? new LinkedHashSet<>() : tags;
                tags.add(kept(tag.toLowerCase(Locale.ROOT)));
            }
        }
        return new Listing(row.line(), sku, name, category(row.value(PRODUCT_TYPE)), kept(row.value(GOOGLE_PRODUCT_CATEGORY)),
                kept(row.value(BRAND)), kept(row.value(lineAttribute)), row.value(ITEM_GROUP_ID), stock, kept(ageGroup),
                ageGroup == null ? null : OLDEST_CHILD.get(ageGroup), sorted(tags), sorted(list(row.value(SIZE))), sorted(list(row.value(COLOR))),
                price.currency(), kept(price.amount()), sale);
    }

    private record Amount(String currency, BigDecimal amount) {
    }

    /** "12.34 USD" (Merchant Center's order) or "USD 12.34", at least 0, in no finer unit than the currency's smallest. */
    private static Amount amount(Row row, String attribute, String written) {
        String[] parts = words(written);
        Currency currency = parts.length != 2 ? null : Money.currencyOrNull(parts[1]) != null ? Money.currencyOrNull(parts[1]) : Money.currencyOrNull(parts[0]);
        String number = currency == null ? null : parts[1].equals(currency.getCurrencyCode()) ? parts[0] : parts[1];
        // Digits and at most one point: BigDecimal alone would take "1e3", "+5" and other scripts' digits.
        BigDecimal amount = number != null && PLAIN_AMOUNT.matcher(number).matches() ? new BigDecimal(number) : null;
        if (amount == null) {
            throw row.problem(attribute, "\"" + written + "\" is not a price: write the amount, with a point before any cents, and a currency in use, such as 12.34 USD");
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw row.problem(attribute, "\"" + written + "\" has more decimals than " + currency.getCurrencyCode() + " has (" + digits + ")");
        }
        return new Amount(currency.getCurrencyCode(), amount.setScale(digits));
    }

    private Sale sale(Row row, Amount price) {
        String written = row.value(SALE_PRICE);
        if (written == null) {
            return null;
        }
        Amount sale = amount(row, SALE_PRICE, written);
        if (!sale.currency().equals(price.currency())) {
            throw row.problem(SALE_PRICE, "is in " + sale.currency() + " but the price is in " + price.currency() + ": write both in one currency");
        }
        if (sale.amount().compareTo(price.amount()) >= 0) {
            throw row.problem(SALE_PRICE, "\"" + written + "\" is not below the price, " + price.amount() + " " + price.currency());
        }
        String dates = row.value(SALE_DATES);
        if (dates == null) {
            return new Sale(sale.amount(), null, null);
        }
        String[] fromAndUntil = dates.split("/", -1);
        if (fromAndUntil.length != 2) {
            throw row.problem(SALE_DATES, "\"" + dates + "\" is not a period: write its start and end with a / between them, such as"
                    + " 2026-11-27T00:00+0100/2026-11-30T23:59+0100");
        }
        Instant from = moment(row, fromAndUntil[0].strip(), false);
        Instant until = moment(row, fromAndUntil[1].strip(), true);
        if (from != null && until != null && !from.isBefore(until)) {
            throw row.problem(SALE_DATES, "\"" + dates + "\" ends before it starts");
        }
        return new Sale(sale.amount(), from, until);
    }

    /** A moment with its offset, else in the shop's zone, or a date there (an end date includes its whole day); empty for an open end. */
    private Instant moment(Row row, String written, boolean end) {
        if (written.isEmpty()) {
            return null;
        }
        try {
            if (written.length() == 10) {
                LocalDate date = LocalDate.parse(written);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            var parsed = MOMENT.parseBest(written, OffsetDateTime::from, java.time.LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((java.time.LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw row.problem(SALE_DATES, "\"" + written + "\" is not a date and time: write it as 2026-11-27T00:00+0100");
        }
    }

    /** The words of {@code text} between runs of spaces: a price has two. Not a regular expression: a feed has a million prices. */
    private static String[] words(String text) {
        String stripped = text.strip();
        int space = 0;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
            space++;
        }
        if (space == stripped.length()) {
            return new String[] { stripped };
        }
        String rest = stripped.substring(space).strip();
        return rest.chars().anyMatch(Character::isWhitespace) ? new String[3] : new String[] { stripped.substring(0, space), rest };
    }

    /** "Home & Garden > Kitchen > Cookware" as "home-garden/kitchen/cookware". */
    private String category(String productType) {
        if (productType == null) {
            return null;
        }
        return categories.computeIfAbsent(productType, type -> {
            String path = Arrays.stream(type.split(">"))
                    .map(level -> NOT_LETTER_OR_DIGIT.matcher(level.strip().toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", ""))
                    .filter(level -> !level.isEmpty()).collect(Collectors.joining("/"));
            return path.isEmpty() ? null : path;
        });
    }

    private Set<String> list(String values) {
        if (values == null) {
            return Set.of();
        }
        return Arrays.stream(LIST_SEPARATOR.split(values)).map(String::strip).filter(value -> !value.isEmpty()).map(this::kept)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SuppressWarnings("unchecked") // a value is only ever kept under itself
    private <T> T kept(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, Function.identity());
    }

    /** The same sorted set for every row that has these values: a million products have a few hundred sets of tags, sizes or colours. */
    private SortedSet<String> sorted(Set<String> values) {
        return values.isEmpty() ? Collections.emptySortedSet()
                : sets.computeIfAbsent(values, copy -> Collections.unmodifiableSortedSet(new TreeSet<>(copy)));
    }

    /** A row's cells by attribute name (lower-case, without the g: prefix), and where each column is. */
    private record Row(String feed, int line, Map<String, Integer> columns, String[] cells, boolean tabular) {

        /** The attribute's text, stripped; null when absent or blank. */
        String value(String attribute) {
            Integer column = columns.get(attribute);
            if (column == null || column >= cells.length || cells[column] == null) {
                return null;
            }
            String value = cells[column].strip();
            return value.isEmpty() ? null : value;
        }

        String required(String attribute, String why) {
            String value = value(attribute);
            if (value == null) {
                throw problem(attribute, "is empty: " + why);
            }
            return value;
        }

        RowRefused problem(String attribute, String message) {
            Integer column = columns.get(attribute);
            return new RowRefused(new RowProblem(feed, line, tabular && column != null ? column + 1 : 0, attribute, message));
        }
    }

    /** Ends the reading of one row; the feed goes on. */
    private static final class RowRefused extends RuntimeException {
        private final RowProblem problem;

        RowRefused(RowProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** The attribute a header cell names: "g:id", "ID" and "Sale Price" are id, id and sale_price. */
    private static String attribute(String header) {
        String name = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return name.startsWith("g:") ? name.substring(2) : name;
    }

    /** Hands each row to {@code each}; how many rows there were. */
    private int tableRows(Path file, char separator, Consumer<Row> each) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        int rows = 0;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> lines = CSV.readerFor(String[].class).with(schema).readValues(text)) {
            Map<String, Integer> columns = new HashMap<>();
            String[] header = lines.hasNextValue() ? lines.nextValue() : new String[0];
            for (int i = 0; i < header.length; i++) {
                columns.putIfAbsent(attribute(header[i]), i);
            }
            List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw new CatalogException(feed, 1, "the header row has no " + String.join(", no ", missing)
                        + " column: a feed's first row names its columns with Merchant Center's attribute names (id, title, price, availability...)");
            }
            while (lines.hasNextValue()) {
                int line = lines.getCurrentLocation().getLineNr();
                String[] cells = lines.nextValue();
                if (cells.length > 1 || (cells.length == 1 && !cells[0].isBlank())) {
                    rows++;
                    each.accept(new Row(feed, line, columns, cells, true));
                }
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new CatalogException(feed, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "cannot be read: " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw new CatalogException(feed, 0, "is not UTF-8 text: export the feed as UTF-8");
        } catch (IOException e) {
            throw new CatalogException(feed, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The text of the element the reader is at, read to its end; null for an element with elements inside, such as
     * {@code <g:shipping>} with its own {@code <g:price>}, which is skipped whole.
     */
    private static String simpleText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean nested = false;
        for (int depth = 1; depth > 0;) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                nested = true;
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (!nested && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(xml.getText());
            }
        }
        return nested ? null : text.toString();
    }

    /** A product's element: RSS 2.0's {@code <item>}, or Atom's {@code <entry>}. */
    private static boolean isProduct(String element) {
        return element.equals("item") || element.equals("entry");
    }

    /** RSS 2.0: an {@code <item>} per product, its attributes as elements, most in the g: namespace; a repeated one is a list. */
    private int xmlRows(Path file, Consumer<Row> each) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int rows = 0;
        XMLStreamReader xml = null;
        try (InputStream in = Files.newInputStream(file)) {
            xml = factory.createXMLStreamReader(in);
            Map<String, String> item = null;
            int line = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && isProduct(xml.getLocalName())) {
                    item = new LinkedHashMap<>();
                    line = xml.getLocation().getLineNumber();
                } else if (event == XMLStreamConstants.START_ELEMENT && item != null) {
                    String name = attribute(xml.getLocalName());
                    String text = simpleText(xml);
                    if (text != null && LISTS.contains(name)) {
                        item.merge(name, text, (first, next) -> first + "," + next);
                    } else if (text != null) {
                        item.putIfAbsent(name, text);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && isProduct(xml.getLocalName()) && item != null) {
                    Map<String, Integer> columns = new HashMap<>();
                    List<String> cells = new ArrayList<>(item.values());
                    int i = 0;
                    for (String name : item.keySet()) {
                        columns.put(name, i++);
                    }
                    rows++;
                    each.accept(new Row(feed, line, columns, cells.toArray(String[]::new), false));
                    item = null;
                }
            }
            return rows;
        } catch (IOException e) {
            throw new CatalogException(feed, 0, "cannot be read: " + e.getMessage());
        } catch (XMLStreamException e) {
            throw new CatalogException(feed, e.getLocation() == null ? 0 : e.getLocation().getLineNumber(), "cannot be read as XML: "
                    + e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing was written
                }
            }
        }
    }
}
