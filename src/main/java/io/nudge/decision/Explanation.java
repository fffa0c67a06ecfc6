package io.nudge.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Context;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.NudgeType;
import io.nudge.vocabulary.Shopper;
import io.nudge.vocabulary.Threshold;

/**
 * Why an answer is what it is: each rule that fired with the facts it matched (thresholds
 * included), each proposal arbitration dropped, each product it took out of a proposal, and
 * the rule fault that cut the decision short, if one did.
 */
public record Explanation(List<FiredRule> fired, List<DroppedNudge> dropped, List<RemovedProduct> removedProducts,
        @JsonInclude(JsonInclude.Include.NON_NULL) RuleFault fault) {

    /** A rule that fired, {@code from} the file (and a table's sheet and row) it is written in, with the facts it matched. */
    public record FiredRule(String rule, String from, List<Map<String, Object>> matched) {
    }

    /** A dropped nudge as the explanation shows it: its {@link Fate}, with the reason in words. */
    public record DroppedNudge(String rule, NudgeType type, String reason) {

        static DroppedNudge of(Fate fate) {
            return new DroppedNudge(fate.rule(), fate.type(), fate.why());
        }
    }

    /** A product taken out of a nudge that is still shown, or of one dropped; {@code reason} in words. */
    public record RemovedProduct(String rule, String sku, String reason) {
    }

    /** Records the rules that fire in one session and what they matched. */
    static final class Recorder extends DefaultAgendaEventListener {

        private final List<FiredRule> fired = new ArrayList<>();
        private final RuleBook book;

        Recorder(RuleBook book) {
            this.book = book;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            RuleInfo rule = book.rule(name);
            fired.add(new FiredRule(name, rule == null ? null : rule.source().toString(),
                    event.getMatch().getObjects().stream().map(Recorder::describe).toList()));
        }

        Explanation explain(Arbitration.Outcome outcome, RuleFault fault) {
            return new Explanation(List.copyOf(fired), outcome.dropped().stream().map(DroppedNudge::of).toList(), outcome.removed(), fault);
        }

        /** The fields of a fact a merchandiser reasons with; the shopper's id and name are left out. */
        static Map<String, Object> describe(Object fact) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("fact", fact instanceof Collection<?> ? "Products" : fact instanceof Candidate ? "Nudge proposed"
                    : fact instanceof String ? "Value" : fact.getClass().getSimpleName());
            if (fact instanceof Cart cart) {
                described.put("currency", cart.currency());
                described.put("subtotal", cart.subtotal());
                described.put("skus", cart.items().stream().map(LineItem::sku).toList());
            } else if (fact instanceof LineItem item) {
                described.put("sku", item.sku());
                putIfPresent(described, "category", item.category());
                putIfPresent(described, "line", item.line());
                putIfPresent(described, "tags", item.tags());
            } else if (fact instanceof Shopper shopper) {
                putIfPresent(described, "segments", shopper.segments());
                putIfPresent(described, "averageOrderValue", shopper.averageOrderValue().signum() > 0 ? shopper.averageOrderValue() : null);
                putIfPresent(described, "orderCount", shopper.orderCount());
                putIfPresent(described, "size", shopper.size());
                putIfPresent(described, "preferredColors", shopper.preferredColors());
                putIfPresent(described, "childrenAges", shopper.childrenAges());
            } else if (fact instanceof Context context) {
                putIfPresent(described, "weather", context.weather());
                putIfPresent(described, "country", context.country());
                described.put("at", context.at().toString());
            } else if (fact instanceof Threshold threshold) {
                described.put("amount", threshold.getAmount());
                described.put("remaining", threshold.getRemaining());
            } else if (fact instanceof Product product) {
                described.put("sku", product.sku());
            } else if (fact instanceof Candidate candidate) {
                described.put("type", candidate.getType());
                putIfPresent(described, "skus", skus(candidate.getProducts()));
            } else if (fact instanceof Collection<?> products) {
                described.put("skus", skus(products));
            } else {
                described.put("value", String.valueOf(fact));
            }
            return described;
        }

        private static List<String> skus(Collection<?> products) {
            return products.stream().map(p -> p instanceof Product product ? product.sku() : String.valueOf(p)).toList();
        }

        private static void putIfPresent(Map<String, Object> described, String key, Object value) {
            if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
                described.put(key, value);
            }
        }
    }
}
