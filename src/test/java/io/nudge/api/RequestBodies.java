package io.nudge.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies for the fuzzer: carts shaped like real ones but with values of every wrong
 * kind, the same carts mutated as text, any JSON at all, raw bytes, wrong content types, and the
 * extremes (deep nesting, 20,000 items, huge strings and numbers).
 */
final class RequestBodies {

    /** What is posted: a content type (null sends none), the bytes, and what kind of body it is. */
    record Body(String contentType, byte[] bytes, String kind) {

        String preview() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + " " + contentType + " " + (text.length() > 300 ? text.substring(0, 300) + "... (" + bytes.length + " bytes)" : text);
        }
    }

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Marks a field left out of its object. */
    private static final Object ABSENT = new Object();
    private static final BigDecimal HUGE_EXPONENT = new BigDecimal("1e999999999");
    private static final BigInteger FOUR_HUNDRED_DIGITS = new BigInteger("9".repeat(400));
    private static final List<Body> EXTREMES = extremes();

    private RequestBodies() {
    }

    static Arbitrary<Body> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, request().map(request -> json("request", request))),
                Tuple.of(35, Combinators.combine(request(), mutations()).as((request, mutate) ->
                        new Body(JSON, mutate.apply(text(request)).getBytes(StandardCharsets.UTF_8), "mutated"))),
                Tuple.of(10, anyValue(4).map(value -> json("any-json", value))),
                Tuple.of(10, Arbitraries.of(EXTREMES)),
                Tuple.of(10, Combinators.combine(request(), Arbitraries.of("text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=UTF-16",
                        "application/jsonx", "*/*", "")).as((request, type) -> new Body(type, text(request).getBytes(StandardCharsets.UTF_8),
                        "content-type"))),
                Tuple.of(5, Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(bytes -> new Body(JSON, bytes, "bytes"))));
    }

    /** A cart request as a storefront would shape it, any value possibly of the wrong kind. */
    private static Arbitrary<Object> request() {
        Arbitrary<Object> count = mostly(Arbitraries.integers().between(0, 5), integer());
        Arbitrary<Object> item = object(fields(
                "sku", odd(mostly(Arbitraries.of("STOVE-1", "REEL-2500", "RAIN-JKT", "HYD-SERUM", "UNKNOWN-9"), text())),
                "quantity", odd(mostly(Arbitraries.integers().between(1, 5), integer())), "price", odd(amount()),
                "name", optional(odd(text())), "category", optional(odd(mostly(Arbitraries.of("fishing/reels", "baby/feeding"), text()))),
                "tags", optional(odd(list(mostly(Arbitraries.of("freshwater", "saltwater"), text()))))));
        Arbitrary<Object> cart = object(fields(
                "currency", odd(mostly(Arbitraries.of("USD", "EUR", "GBP"), Arbitraries.of("XAU", "usd", "", "US"))),
                "items", odd(list(odd(item)))));
        Arbitrary<Object> shopper = object(fields(
                "id", optional(odd(text())), "firstName", optional(odd(text())), "segments", optional(odd(list(text()))),
                "averageOrderValue", optional(odd(amount())), "orderCount", optional(odd(count)),
                "childrenAges", optional(odd(list(mostly(Arbitraries.integers().between(0, 17), integer()))))));
        Arbitrary<Object> context = object(fields(
                "locale", optional(odd(mostly(Arbitraries.of("en-US", "de-DE", "ja-JP"), Arbitraries.of("xx", "", "en_US_POSIX", "😀")))),
                "country", optional(odd(mostly(Arbitraries.of("US", "DE", "JP"), text()))),
                "weather", optional(odd(mostly(Arbitraries.of("rain", "sunny"), text()))),
                "at", optional(odd(mostly(Arbitraries.of("2026-11-23T10:00:00Z", "2027-07-15T12:00:00Z"),
                        Arbitraries.of("2026-13-45T99:00:00Z", "yesterday", "+999999999-12-31T23:59:59Z"))))));
        return object(fields("cart", odd(cart), "shopper", optional(odd(shopper)), "context", optional(odd(context))));
    }

    /** The valid values eight times in nine. */
    private static Arbitrary<Object> mostly(Arbitrary<?> valid, Arbitrary<?> invalid) {
        return Arbitraries.frequencyOf(Tuple.of(8, valid.map(Object.class::cast)), Tuple.of(1, invalid.map(Object.class::cast)));
    }

    /** Text edits of a serialized request: the kinds of damage a buggy client or an attacker does. */
    private static Arbitrary<UnaryOperator<String>> mutations() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> junk = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "null", "-", "1e999999999",
                "9".repeat(400), "\u0000", "\uD800", "\u202E", "NaN", "Infinity", "0x1F", "'", "/*", "\"cart\":{},");
        Arbitrary<UnaryOperator<String>> one = Arbitraries.oneOf(
                at.map(f -> s -> s.substring(0, index(s, f))),
                Combinators.combine(at, junk).as((f, j) -> s -> s.substring(0, index(s, f)) + j + s.substring(index(s, f))),
                Combinators.combine(at, at).as((f, g) -> s -> s.substring(0, index(s, Math.min(f, g))) + s.substring(index(s, Math.max(f, g)))),
                Arbitraries.just(s -> s.replaceFirst("\\{", "{\"cart\":null,")),
                Combinators.combine(at, Arbitraries.of(HUGE_EXPONENT.toString(), FOUR_HUNDRED_DIGITS.toString(), "-0", "1.0000000000001", "1e-999999999"))
                        .as((f, n) -> s -> s.replaceFirst("(?<=:)-?\\d+(\\.\\d+)?", n)),
                Arbitraries.integers().between(900, 3000).map(depth -> s -> s.replaceFirst(":", ":" + "[".repeat(depth)) + "]".repeat(depth)));
        return one.list().ofMinSize(1).ofMaxSize(3).map(edits -> s -> {
            String edited = s;
            for (UnaryOperator<String> edit : edits) {
                edited = edit.apply(edited);
            }
            return edited;
        });
    }

    private static int index(String s, double fraction) {
        return (int) Math.round(fraction * s.length());
    }

    private static Arbitrary<Object> anyValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(text(), integer(), amount(), Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, anyValue(depth - 1).list().ofMaxSize(4).map(Object.class::cast),
                Arbitraries.maps(text().map(String::valueOf), anyValue(depth - 1)).ofMaxSize(4).map(Object.class::cast));
    }

    /** Mostly the plausible value, else one of another kind. */
    private static Arbitrary<Object> odd(Arbitrary<Object> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(25, plausible),
                Tuple.of(1, Arbitraries.oneOf(text(), amount(), Arbitraries.just(null), Arbitraries.of(true, false).map(Object.class::cast),
                        Arbitraries.just(List.of()), Arbitraries.just(Map.of()))));
    }

    private static Arbitrary<Object> optional(Arbitrary<Object> value) {
        return Arbitraries.frequencyOf(Tuple.of(3, value), Tuple.of(1, Arbitraries.just(ABSENT)));
    }

    private static Arbitrary<Object> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("", " ", "STOVE-1", "REEL-2500", "☃", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202Eevil", "<script>", "' OR 1=1 --",
                        "a".repeat(129), "é".repeat(5_000)))).map(Object.class::cast);
    }

    private static Arbitrary<Object> integer() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-3, 12), Arbitraries.integers().between(0, 5),
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, BigInteger.TWO.pow(64), FOUR_HUNDRED_DIGITS))
                .map(Object.class::cast);
    }

    private static Arbitrary<Object> amount() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(2)),
                Tuple.of(1, Arbitraries.bigDecimals().between(new BigDecimal("-10"), BigDecimal.TEN).ofScale(12)),
                Tuple.of(1, Arbitraries.of(HUGE_EXPONENT, HUGE_EXPONENT.negate(), new BigDecimal("1e-999999999"), new BigDecimal(FOUR_HUNDRED_DIGITS),
                        new BigDecimal("1000000000.01"), new BigDecimal("0.001")))).map(Object.class::cast);
    }

    private static Arbitrary<Object> list(Arbitrary<Object> element) {
        return element.list().ofMaxSize(4).map(Object.class::cast);
    }

    /** Field names and their values, in order: the order of a Map.of changes from run to run, which would break reruns by seed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Arbitrary<Object>> fields(Object... namesAndValues) {
        Map<String, Arbitrary<Object>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], (Arbitrary<Object>) namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A JSON object with the given fields, those drawn as ABSENT left out. */
    private static Arbitrary<Object> object(Map<String, Arbitrary<Object>> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        return Combinators.combine(names.stream().map(fields::get).toList()).as(values -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (values.get(i) != ABSENT) {
                    object.put(names.get(i), values.get(i));
                }
            }
            return object;
        });
    }

    private static Body json(String kind, Object value) {
        return new Body(JSON, text(value).getBytes(StandardCharsets.UTF_8), kind);
    }

    private static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Body> extremes() {
        String item = "{\"sku\":\"STOVE-1\",\"quantity\":1,\"price\":1.00}";
        String cart = "{\"cart\":{\"currency\":\"USD\",\"items\":[%s]}}";
        List<Body> bodies = new ArrayList<>();
        for (String extreme : List.of(
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"cart\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                cart.formatted("[".repeat(5_000) + "]".repeat(5_000)),
                cart.formatted(String.join(",", java.util.Collections.nCopies(20_000, "{}"))),
                cart.formatted(String.join(",", java.util.Collections.nCopies(20_000, item))),
                cart.formatted(String.join(",", java.util.Collections.nCopies(501, item))),
                cart.formatted("{\"sku\":\"" + "x".repeat(200_000) + "\",\"quantity\":1,\"price\":1}"),
                cart.formatted("{\"sku\":\"" + "x".repeat(300_000) + "\",\"quantity\":1,\"price\":1}"),
                cart.formatted("{\"sku\":\"A\",\"quantity\":1,\"price\":1e999999999}"),
                cart.formatted("{\"sku\":\"A\",\"quantity\":1e999999999,\"price\":1}"),
                cart.formatted("{\"sku\":\"A\",\"quantity\":" + FOUR_HUNDRED_DIGITS + ",\"price\":1}"),
                cart.formatted("{\"sku\":\"A\",\"quantity\":1,\"price\":" + FOUR_HUNDRED_DIGITS + "." + "9".repeat(2_000) + "}"),
                "{\"cart\":{\"currency\":\"USD\",\"currency\":\"EUR\",\"items\":[]}}",
                "\uFEFF" + cart.formatted(item), "", " ", "null", "[]", "\"cart\"", "{}")) {
            bodies.add(new Body(JSON, extreme.getBytes(StandardCharsets.UTF_8), "extreme"));
        }
        bodies.add(new Body(JSON, cart.formatted(item).getBytes(StandardCharsets.UTF_16), "extreme"));
        bodies.add(new Body(null, cart.formatted(item).getBytes(StandardCharsets.UTF_8), "extreme"));
        return List.copyOf(bodies);
    }
}
