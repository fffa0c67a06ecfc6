package io.nudge.replay;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.nudge.decision.Nudge;

/**
 * What a draft rule book would change for recorded carts, against the rules live: the carts
 * whose nudges differ, and for each rule and nudge type in how many carts it fired and was shown,
 * before (live) and after (draft). {@code cartsWithoutTimeAt} is the moment the {@code cartsWithoutTime} carts that
 * say no time of their own were decided at; {@code since}, when set, the moment before which recorded carts were left out;
 * {@code changedShare}, the share of the carts replayed that change, is null when none was replayed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayReport(String draftVersion, String liveVersion, Instant cartsWithoutTimeAt, int cartsWithoutTime, Instant since, int carts, int replayed,
        int skipped, int notCarts, int changed, Double changedShare, int faultsBefore, int faultsAfter,
        List<Count> rules, List<Count> types, List<ChangedCart> changedCarts, List<SkippedCart> skippedCarts) {

    /** A rule or nudge type: in how many carts it fired (for a type: a rule proposed it) and was shown, before and after. */
    public record Count(String name, int firedBefore, int firedAfter, int shownBefore, int shownAfter) {

        public boolean changed() {
            return firedBefore != firedAfter || shownBefore != shownAfter;
        }
    }

    /** A cart whose nudges the draft changes: where it was read, its currency, subtotal and lines, and its nudges before and after. */
    public record ChangedCart(String where, String currency, BigDecimal subtotal, int lines, List<Nudge> before, List<Nudge> after) {
    }

    /** A cart the service would refuse, so not replayed, and why. */
    public record SkippedCart(String where, String why) {
    }

    /** The report a merchandiser reads under the check's. */
    public void print(PrintStream out) {
        out.printf("Replay: %,d carts through the draft (version %s) and the live rules (version %s)%n", carts, draftVersion, liveVersion);
        if (cartsWithoutTime > 0) {
            out.printf("  %,d carts say no time: they are decided at %s (--at changes it)%n", cartsWithoutTime, cartsWithoutTimeAt);
        }
        if (since != null) {
            out.println("  Carts recorded since " + since);
        }
        if (notCarts > 0) {
            out.printf("  %,d lines are not carts: other events (orders, rule changes), or decisions recorded without their cart (nudge.events.carts=true records them)%n",
                    notCarts);
        }
        if (skipped > 0) {
            out.printf("  %,d carts skipped: the service would refuse them%n", skipped);
            skippedCarts.forEach(cart -> out.println("    " + cart.where() + ": " + cart.why()));
        }
        out.printf("  %,d of %,d carts replayed change: %s%n", changed, replayed, percent(changedShare));
        if (faultsBefore > 0 || faultsAfter > 0) {
            out.printf("  Carts on which a rule failed: %,d before, %,d after%n", faultsBefore, faultsAfter);
        }
        table(out, "Rule", rules);
        table(out, "Nudge type", types);
        if (!changedCarts.isEmpty()) {
            out.println("  The first carts that change:");
            for (ChangedCart cart : changedCarts) {
                out.printf("    %s: %s %s, %d %s%n", cart.where(), cart.currency(), cart.subtotal() == null ? "?" : cart.subtotal().toPlainString(),
                        cart.lines(), cart.lines() == 1 ? "line" : "lines");
                out.println("      before: " + describe(cart.before()));
                out.println("      after:  " + describe(cart.after()));
            }
        }
    }

    /** The rows of rules or types that fired or showed in a cart, before or after; then the names of those that never did. */
    private static void table(PrintStream out, String heading, List<Count> all) {
        Map<Boolean, List<Count>> active = all.stream().collect(Collectors.partitioningBy(
                count -> count.firedBefore() + count.firedAfter() + count.shownBefore() + count.shownAfter() > 0));
        List<Count> counts = active.get(true);
        if (!active.get(false).isEmpty()) {
            out.println("  " + heading + "s that fire in no cart, before or after: "
                    + active.get(false).stream().map(Count::name).collect(Collectors.joining(", ")));
        }
        if (counts.isEmpty()) {
            return;
        }
        int width = Math.max(heading.length(), counts.stream().mapToInt(count -> count.name().length()).max().orElse(0));
        out.printf("  %-" + width + "s   %12s %7s   %12s %7s%n", heading, "fired before", "after", "shown before", "after");
        for (Count count : counts) {
            out.printf("  %-" + width + "s   %,12d %,7d   %,12d %,7d%s%n", count.name(), count.firedBefore(), count.firedAfter(),
                    count.shownBefore(), count.shownAfter(), count.changed() ? "   changed" : "");
        }
    }

    private static String describe(List<Nudge> nudges) {
        if (nudges.isEmpty()) {
            return "no nudges";
        }
        return String.join("\n              ", nudges.stream().map(nudge -> nudge.type() + " from \"" + nudge.rule() + "\": \"" + nudge.message() + "\""
                + (nudge.products().isEmpty() ? "" : " " + nudge.products().stream().map(Nudge.SuggestedProduct::sku).toList())).toList());
    }

    private static String percent(Double share) {
        if (share == null) {
            return "none replayed";
        }
        return share > 0 && share < 0.001 ? "under 0.1%" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
