package io.nudge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The shared benchmark workload (../shared/bench-workload): rules-N.json, carts.jsonl and expected-N.jsonl. */
public record Workload(Rules rules, List<Cart> carts, List<Expected> expected) {

    public record Rules(int n, Base base, List<Pair> pairs) {
    }

    public record Base(Goal freeShipping, Goal spendMore, CategoryCrossSell categoryCrossSell) {
    }

    /** A spend goal: applies from {@code min} (inclusive) or above {@code minExclusive}, up to {@code threshold}. */
    public record Goal(BigDecimal min, BigDecimal minExclusive, BigDecimal threshold) {
    }

    public record CategoryCrossSell(String ifCategory, String unlessCategory, String suggestSku, int priority) {
    }

    /** A cart containing {@code ifSku} and not {@code suggestSku} is offered {@code suggestSku}. */
    public record Pair(String id, String ifSku, String suggestSku, int priority) {
    }

    public record Cart(String id, List<Item> items) {
    }

    public record Item(String sku, String category, BigDecimal price, int quantity) {
    }

    /** The exact decision for a cart; amounts as 2-decimal strings, null when absent. */
    public record Expected(String id, String subtotal, String freeShippingRemaining, String discountRemaining, List<String> suggestions) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static Workload load(Path folder, int n) {
        try {
            Rules rules = JSON.readValue(folder.resolve("rules-" + n + ".json").toFile(), Rules.class);
            return new Workload(rules, lines(folder.resolve("carts.jsonl"), Cart.class), lines(folder.resolve("expected-" + n + ".jsonl"), Expected.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The workload in " + folder + " cannot be read: generate it with"
                    + " node ../shared/bench-workload/gen-workload.mjs " + folder, e);
        }
    }

    private static <T> List<T> lines(Path file, Class<T> type) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readValue(line, type);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
