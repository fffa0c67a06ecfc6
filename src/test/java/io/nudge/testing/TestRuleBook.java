package io.nudge.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The small rule book in src/test/resources/rule-book that the service serves under test
 * ({@code %test.nudge.rules.dir}), so that tests of the service never depend on the demo rules
 * a merchandiser edits. Its scenarios say what it answers.
 */
public final class TestRuleBook {

    public static final Path FOLDER = Path.of("src/test/resources/rule-book");

    /** A serum at 30.00: 5.00 from free shipping ("Free shipping from 35"), and the cream of its line as a bundle. */
    public static final String SERUM_CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": 30.00}]},
             "context": {"at": "2026-03-02T10:00:00Z"}}
            """;

    /** A tent: both packs of stakes ("Stakes for a new tent") and the mug ("A mug for the road", held out for half of all shoppers). */
    public static final String TENT_CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "TENT-2", "quantity": 1, "price": 120.00}]},
             "context": {"at": "2026-03-02T10:00:00Z"}}
            """;

    private TestRuleBook() {
    }

    /** For *IT tests: the packaged application serves the test rule book too (the test profile's settings do not reach it). */
    public static class Served implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.rules.dir", FOLDER.toAbsolutePath().toString(),
                    "nudge.catalog.feed", FOLDER.resolve("catalog").toAbsolutePath().toString(),
                    "nudge.catalog.bought-together", FOLDER.resolve("bought-together.csv").toAbsolutePath().toString());
        }
    }
}
