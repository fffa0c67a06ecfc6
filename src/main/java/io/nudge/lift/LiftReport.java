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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.decision.Fate;

/**
 * Reads decision and outcome events and tells, for each rule and currency, whether the rule
 * raised the average order value. It compares intent-to-treat groups: the shoppers for whom the
 * rule fired and who were not held out (whether arbitration then showed its nudge or not) against
 * those held out of it. Each decision counts once per rule; decisions without a shopper key are
 * in no experiment and left out; the interval allows for one shopper's orders being alike.
 */
public final class LiftReport {

    /**
     * The orders of one group: the shoppers they came from, their count, their mean, and the
     * variance of that mean, clustered by shopper.
     */
    public record Group(int shoppers, int orders, double mean, double varianceOfMean) {

        static Group of(Map<String, List<Double>> totalsByShopper) {
            List<Double> totals = totalsByShopper.values().stream().flatMap(List::stream).toList();
            int n = totals.size();
            double mean = totals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            long clusters = totalsByShopper.values().stream().filter(orders -> !orders.isEmpty()).count();
            double sum = totalsByShopper.values().stream()
                    .mapToDouble(orders -> sq(orders.stream().mapToDouble(t -> t - mean).sum())).sum();
            double variance = clusters < 2 ? Double.NaN : clusters / (clusters - 1.0) * sum / ((double) n * n);
            return new Group(totalsByShopper.size(), n, mean, variance);
        }
    }

    /**
     * One rule in one currency. {@code lift} is the relative change in average order value of
     * treated over held out, with its 95% confidence interval (normal approximation, delta
     * method); NaN without orders from at least two shoppers in each group. {@code heldOutShare}
     * is the share of the rule's shoppers who were held out, {@code configuredShare} the share
     * the events say was set (NaN when they say none), and {@code sampleRatioMismatch} is true
     * when the two differ by more than chance explains (chi-squared, p below 0.001).
     */
    public record RuleLift(String rule, String currency, double firedShare, Group treated, Group heldOut,
            double lift, double low, double high, double heldOutShare, double configuredShare, boolean sampleRatioMismatch) {
    }

    /** chi-squared with one degree of freedom at p = 0.001. */
    private static final double CHI2_P001 = 10.828;

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
                case DecisionEvent.TYPE -> {
                    DecisionEvent decision = JSON.treeToValue(node, DecisionEvent.class);
                    if (decision.decisionId() == null || decision.currency() == null || decision.fired().stream().anyMatch(Objects::isNull)
                            || decision.nudges().stream().anyMatch(fate -> fate == null || fate.rule() == null || fate.outcome() == null)) {
                        unreadable++;
                    } else {
                        decisions.add(decision);
                    }
                }
                case OutcomeEvent.TYPE -> {
                    OutcomeEvent outcome = JSON.treeToValue(node, OutcomeEvent.class);
                    if (outcome.decisionId() == null || outcome.orderTotal() == null || outcome.currency() == null) {
                        unreadable++;
                    } else {
                        outcomes.put(outcome.decisionId(), outcome);
                    }
                }
                case RulesEvent.TYPE -> {
                    // The audit trail's: no decision, no order.
                }
                default -> unreadable++;
            }
        } catch (IOException e) {
            unreadable++;
        }
    }

    public List<RuleLift> rows() {
        // A rule's share of the decisions in its row's currency: a rule for dollars fires in none in euros.
        Map<List<String>, Integer> firedIn = new HashMap<>();
        Map<String, Integer> decisionsIn = new HashMap<>();
        decisions.forEach(d -> {
            decisionsIn.merge(d.currency(), 1, Integer::sum);
            d.fired().forEach(rule -> firedIn.merge(List.of(rule, d.currency()), 1, Integer::sum));
        });
        Map<List<String>, Experiment> experiments = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (DecisionEvent decision : decisions) {
            if (decision.shopper() == null) {
                continue;
            }
            OutcomeEvent order = outcomes.get(decision.decisionId());
            Double total = order != null && order.currency().equals(decision.currency()) ? order.orderTotal().doubleValue() : null;
            // Once per rule, whatever became of its nudges: held out if the shopper was, treated otherwise.
            Map<String, Boolean> heldOutOf = new TreeMap<>();
            decision.nudges().forEach(fate -> heldOutOf.merge(fate.rule(), fate.outcome() == Fate.Outcome.HELD_OUT, Boolean::logicalOr));
            heldOutOf.forEach((rule, heldOut) -> experiments
                    .computeIfAbsent(List.of(rule, decision.currency()), k -> new Experiment())
                    .add(decision.shopper(), heldOut, total, decision.holdouts().get(rule)));
        }
        List<RuleLift> rows = new ArrayList<>();
        experiments.forEach((key, experiment) -> {
            Group treated = Group.of(experiment.treated);
            Group heldOut = Group.of(experiment.heldOut);
            double lift = treated.mean() / heldOut.mean() - 1;
            double se = Math.sqrt(treated.varianceOfMean() / sq(heldOut.mean())
                    + sq(treated.mean()) * heldOut.varianceOfMean() / sq(sq(heldOut.mean())));
            double share = firedIn.getOrDefault(key, 0) / (double) decisionsIn.get(key.get(1));
            rows.add(new RuleLift(key.get(0), key.get(1), share, treated, heldOut, lift, lift - Z_95 * se, lift + Z_95 * se,
                    experiment.heldOutShare(), experiment.configuredShare(), experiment.mismatched()));
        });
        return rows;
    }

    /** The decisions of one rule in one currency, by group and shopper, and the holdout share the events say was set. */
    private static final class Experiment {

        final Map<String, List<Double>> treated = new HashMap<>();
        final Map<String, List<Double>> heldOut = new HashMap<>();
        Integer configuredPercent;

        void add(String shopper, boolean isHeldOut, Double total, Integer percent) {
            List<Double> totals = (isHeldOut ? heldOut : treated).computeIfAbsent(shopper, s -> new ArrayList<>());
            if (total != null) {
                totals.add(total);
            }
            if (percent != null) {
                configuredPercent = percent;
            }
        }

        /** Groups are drawn per shopper, so the split is measured in shoppers: one shopper's visits are not independent. */
        double heldOutShare() {
            return heldOut.size() / (double) (heldOut.size() + treated.size());
        }

        double configuredShare() {
            return configuredPercent == null ? Double.NaN : configuredPercent / 100.0;
        }

        /** Goodness of fit of the observed split to the configured one. */
        boolean mismatched() {
            double expected = configuredShare();
            if (Double.isNaN(expected) || expected <= 0 || expected >= 1) {
                return false;
            }
            int n = heldOut.size() + treated.size();
            double chi2 = sq(heldOut.size() - n * expected) / (n * expected)
                    + sq(treated.size() - n * (1 - expected)) / (n * (1 - expected));
            return chi2 > CHI2_P001;
        }
    }

    public void print(PrintStream out) {
        out.printf("%d decisions, %d outcomes%s%n%n", decisions.size(), outcomes.size(),
                unreadable == 0 ? "" : ", " + unreadable + " lines unreadable");
        out.printf("%-40s %-4s %6s %8s %9s %8s %9s %9s %8s  %s%n", "rule", "cur", "fired", "treated", "AOV", "held out", "AOV",
                "orders", "lift", "95% CI");
        List<RuleLift> rows = rows();
        for (RuleLift row : rows) {
            out.printf("%-40s %-4s %5.1f%% %8d %9s %8d %9s %9s %8s  %s%n", truncate(row.rule()), row.currency(), 100 * row.firedShare(),
                    row.treated().shoppers(), money(row.treated().mean()), row.heldOut().shoppers(), money(row.heldOut().mean()),
                    row.treated().orders() + "/" + row.heldOut().orders(), percent(row.lift()),
                    Double.isNaN(row.low()) ? "too few shoppers" : percent(row.low()) + " to " + percent(row.high()));
        }
        rows.stream().filter(RuleLift::sampleRatioMismatch).forEach(row -> out.printf(
                "%nWARNING %s (%s): %.1f%% of its shoppers were held out where %.0f%% was set; the groups may not be"
                        + " comparable (a salt changed mid-run, a replica with other settings, or a bug): do not trust this lift.%n",
                row.rule(), row.currency(), 100 * row.heldOutShare(), 100 * row.configuredShare()));
        out.printf("%nTreated: the rule fired and the shopper was not held out, whether its nudge was then shown or not."
                + " Decisions without a shopper key are left out.%n");
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
