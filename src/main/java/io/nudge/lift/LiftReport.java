package io.nudge.lift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.decision.Fate;

/**
 * Reads decision and outcome events and tells, for each rule and currency, whether showing
 * its nudge raised the average order value: orders after decisions where the nudge was shown
 * against orders after decisions where the shopper was held out of it.
 */
public final class LiftReport {

    /** Orders of one group: the shoppers they came from, their count, mean and variance. */
    public record Group(int shoppers, int orders, double mean, double variance) {

        static Group of(Set<String> shoppers, List<Double> totals) {
            double mean = totals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double variance = totals.size() < 2 ? Double.NaN
                    : totals.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / (totals.size() - 1);
            return new Group(shoppers.size(), totals.size(), mean, variance);
        }
    }

    /**
     * One rule in one currency. {@code lift} is the relative change in average order value of
     * shown over held out, with its 95% confidence interval (normal approximation, delta method);
     * NaN without at least two orders in each group.
     */
    public record RuleLift(String rule, String currency, double firedShare, Group shown, Group heldOut,
            double lift, double low, double high) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final double Z_95 = 1.959964;

    private final List<DecisionEvent> decisions = new ArrayList<>();
    private final Map<String, OutcomeEvent> outcomes = new HashMap<>();
    private int unreadable;

    /** Reads every events file in {@code paths}: files, or folders holding {@code *.jsonl*} files. */
    public static LiftReport read(List<Path> paths) throws IOException {
        LiftReport report = new LiftReport();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().contains(".jsonl")).sorted().toList()) {
                        report.readFile(file);
                    }
                }
            } else {
                report.readFile(path);
            }
        }
        return report;
    }

    private void readFile(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    read(line);
                }
            }
        }
    }

    private void read(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            switch (node.path("event").asText()) {
                case DecisionEvent.TYPE -> decisions.add(JSON.treeToValue(node, DecisionEvent.class));
                case OutcomeEvent.TYPE -> outcomes.put(node.path("decisionId").asText(), JSON.treeToValue(node, OutcomeEvent.class));
                default -> unreadable++;
            }
        } catch (IOException e) {
            unreadable++;
        }
    }

    public List<RuleLift> rows() {
        Map<String, Integer> firedIn = new TreeMap<>();
        decisions.forEach(d -> d.fired().forEach(rule -> firedIn.merge(rule, 1, Integer::sum)));
        // rule and currency -> SHOWN or HELD_OUT -> the shoppers and their order totals
        Map<List<String>, Map<Fate.Outcome, Orders>> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (DecisionEvent decision : decisions) {
            OutcomeEvent order = outcomes.get(decision.decisionId());
            for (Fate fate : decision.nudges()) {
                if (fate.outcome() == Fate.Outcome.DROPPED) {
                    continue;
                }
                Orders orders = groups.computeIfAbsent(List.of(fate.rule(), decision.currency()), k -> new EnumMap<>(Fate.Outcome.class))
                        .computeIfAbsent(fate.outcome(), o -> new Orders(new HashSet<>(), new ArrayList<>()));
                if (decision.shopper() != null) {
                    orders.shoppers().add(decision.shopper());
                }
                if (order != null && order.currency().equals(decision.currency())) {
                    orders.totals().add(order.orderTotal().doubleValue());
                }
            }
        }
        List<RuleLift> rows = new ArrayList<>();
        groups.forEach((key, byOutcome) -> {
            Group shown = byOutcome.getOrDefault(Fate.Outcome.SHOWN, Orders.NONE).group();
            Group heldOut = byOutcome.getOrDefault(Fate.Outcome.HELD_OUT, Orders.NONE).group();
            double lift = shown.mean() / heldOut.mean() - 1;
            double se = Math.sqrt(shown.variance() / (shown.orders() * sq(heldOut.mean()))
                    + sq(shown.mean()) * heldOut.variance() / (heldOut.orders() * sq(sq(heldOut.mean()))));
            double share = decisions.isEmpty() ? 0 : firedIn.getOrDefault(key.get(0), 0) / (double) decisions.size();
            rows.add(new RuleLift(key.get(0), key.get(1), share, shown, heldOut, lift, lift - Z_95 * se, lift + Z_95 * se));
        });
        return rows;
    }

    /** The shoppers of one group and the totals of the orders that followed. */
    private record Orders(Set<String> shoppers, List<Double> totals) {

        static final Orders NONE = new Orders(Set.of(), List.of());

        Group group() {
            return Group.of(shoppers, totals);
        }
    }

    public void print(PrintStream out) {
        out.printf("%d decisions, %d outcomes%s%n%n", decisions.size(), outcomes.size(),
                unreadable == 0 ? "" : ", " + unreadable + " lines unreadable");
        out.printf("%-40s %-4s %6s %8s %9s %8s %9s %8s %8s  %s%n", "rule", "cur", "fired", "shown", "AOV", "held out", "AOV",
                "orders", "lift", "95% CI");
        for (RuleLift row : rows()) {
            out.printf("%-40s %-4s %5.1f%% %8d %9s %8d %9s %8s %8s  %s%n", truncate(row.rule()), row.currency(), 100 * row.firedShare(),
                    row.shown().shoppers(), money(row.shown().mean()), row.heldOut().shoppers(), money(row.heldOut().mean()),
                    row.shown().orders() + "/" + row.heldOut().orders(), percent(row.lift()),
                    Double.isNaN(row.low()) ? "too few orders" : percent(row.low()) + " to " + percent(row.high()));
        }
    }

    private static String truncate(String rule) {
        return rule.length() <= 40 ? rule : rule.substring(0, 39) + "…";
    }

    private static String money(double value) {
        return Double.isNaN(value) ? "-" : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String percent(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format("%+.1f%%", 100 * value);
    }

    private static double sq(double value) {
        return value * value;
    }
}
