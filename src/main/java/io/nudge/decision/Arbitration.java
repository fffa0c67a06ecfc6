package io.nudge.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nudge.decision.Fate.Reason;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.NudgeType;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Threshold;

/**
 * Decides which proposed nudges the shopper sees: none that a fired rule replaces, no product
 * already in the cart or vetoed by a guard, one free-shipping message, one of each rule
 * {@code @group}, no more of a rule's than its {@code @limit}, each product once, highest
 * priority first (a rule's {@code @priority}, else its type's), and no more than the cap.
 */
final class Arbitration {

    /** A nudge to show, with the products left after arbitration. */
    record Pick(Proposal proposal, List<Product> products) {
    }

    record Outcome(List<Pick> shown, List<Fate> dropped, List<Explanation.RemovedProduct> removed) {
    }

    private static final Comparator<Pick> RANKING = Comparator
            .comparingInt((Pick pick) -> -pick.proposal().priority())
            // Among equal priorities the goal closest to reach is the most persuasive.
            .thenComparing(pick -> remaining(pick.proposal()), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(pick -> pick.proposal().rule().name())
            // Two proposals of one rule: decide by what they say, never by the order they came in.
            .thenComparing(pick -> pick.proposal().candidate().getMessage())
            .thenComparing(pick -> pick.proposal().candidate().getProducts().stream().map(Product::sku).toList().toString());

    private final int maxNudges;
    private final int maxProducts;

    Arbitration(int maxNudges, int maxProducts) {
        this.maxNudges = maxNudges;
        this.maxProducts = maxProducts;
    }

    Outcome arbitrate(List<Proposal> proposals, Map<String, String> excludedSkus, Cart cart) {
        Map<String, String> replacedBy = new HashMap<>();
        proposals.stream().filter(p -> p.rule().replaces() != null)
                .forEach(p -> replacedBy.putIfAbsent(p.rule().replaces(), p.rule().name()));

        List<Pick> eligible = new ArrayList<>();
        List<Fate> dropped = new ArrayList<>();
        List<Explanation.RemovedProduct> removed = new ArrayList<>();
        for (Proposal proposal : proposals) {
            String rule = proposal.rule().name();
            // @replaces names a rule, or a group: every rule of the group but the replacing one itself.
            String replacer = replacedBy.containsKey(rule) ? replacedBy.get(rule)
                    : proposal.rule().group() != null && !rule.equals(replacedBy.get(proposal.rule().group()))
                            ? replacedBy.get(proposal.rule().group()) : null;
            if (replacer != null) {
                dropped.add(Fate.dropped(proposal, Reason.REPLACED, replacer));
                continue;
            }
            if (remaining(proposal) != null && remaining(proposal).signum() <= 0) {
                // Proposed so that its @replaces holds, but there is nothing left to spend.
                dropped.add(Fate.dropped(proposal, Reason.GOAL_REACHED, null));
                continue;
            }
            List<Product> allowed = new ArrayList<>();
            Fate lastVeto = null;
            for (Product product : proposal.candidate().getProducts()) {
                String guard = excludedSkus.get(product.sku());
                // Out of stock: never suggested, even by a rule that names the product by its sku.
                Fate veto = !product.available() ? Fate.dropped(proposal, Reason.OUT_OF_STOCK, null)
                        : cart.contains(product.sku()) ? Fate.dropped(proposal, Reason.IN_CART, null)
                        : guard != null ? Fate.dropped(proposal, Reason.EXCLUDED, guard) : null;
                if (veto == null) {
                    allowed.add(product);
                } else {
                    removed.add(new Explanation.RemovedProduct(rule, product.sku(), veto.why()));
                    lastVeto = veto;
                }
            }
            if (suggestsProducts(proposal) && allowed.isEmpty()) {
                dropped.add(lastVeto == null ? Fate.dropped(proposal, Reason.NO_PRODUCT, null) : lastVeto);
            } else {
                eligible.add(new Pick(proposal, allowed));
            }
        }
        eligible.sort(RANKING);

        List<Pick> shown = new ArrayList<>();
        Set<String> shownSkus = new HashSet<>();
        Map<String, String> shownOfGroup = new HashMap<>();
        Map<String, Integer> shownOfRule = new HashMap<>();
        for (Pick pick : eligible) {
            // The first few, in the order the rule gave: a rule offering a whole category shows its best, not a catalog page.
            List<Product> fresh = pick.products().stream().filter(p -> !shownSkus.contains(p.sku())).limit(maxProducts).toList();
            RuleInfo rule = pick.proposal().rule();
            if (pick.proposal().type() == NudgeType.FREE_SHIPPING
                    && shown.stream().anyMatch(s -> s.proposal().type() == NudgeType.FREE_SHIPPING)) {
                dropped.add(Fate.dropped(pick.proposal(), Reason.ONE_FREE_SHIPPING, null));
            } else if (rule.group() != null && shownOfGroup.containsKey(rule.group())) {
                dropped.add(Fate.dropped(pick.proposal(), Reason.GROUP, rule.group()));
            } else if (rule.limit() != null && shownOfRule.getOrDefault(rule.name(), 0) >= rule.limit()) {
                dropped.add(Fate.dropped(pick.proposal(), Reason.RULE_LIMIT, Integer.toString(rule.limit())));
            } else if (suggestsProducts(pick.proposal()) && fresh.isEmpty()) {
                dropped.add(Fate.dropped(pick.proposal(), Reason.DUPLICATE_PRODUCT, null));
            } else if (shown.size() >= maxNudges) {
                dropped.add(Fate.dropped(pick.proposal(), Reason.CAP, Integer.toString(maxNudges)));
            } else {
                pick.products().stream().filter(p -> shownSkus.contains(p.sku())).forEach(p -> removed.add(
                        new Explanation.RemovedProduct(pick.proposal().rule().name(), p.sku(), Reason.DUPLICATE_PRODUCT.sentence(null))));
                shown.add(new Pick(pick.proposal(), fresh));
                fresh.forEach(p -> shownSkus.add(p.sku()));
                if (rule.group() != null) {
                    shownOfGroup.put(rule.group(), rule.name());
                }
                shownOfRule.merge(rule.name(), 1, Integer::sum);
            }
        }
        return new Outcome(shown, dropped, removed);
    }

    private static boolean suggestsProducts(Proposal proposal) {
        return proposal.type().shape() == NudgeType.Shape.PRODUCTS;
    }

    private static BigDecimal remaining(Proposal proposal) {
        Threshold threshold = proposal.candidate().getThreshold();
        return threshold == null ? null : threshold.getRemaining();
    }
}
