package io.nudge.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nudge.catalog.Product;

/**
 * Decides which proposed nudges the shopper sees: none that a fired rule replaces, no product
 * already in the cart or vetoed by a guard, one free-shipping message, each product once,
 * highest priority first, and no more than the cap.
 */
final class Arbitration {

    /** A nudge to show, with the products left after arbitration. */
    record Pick(Proposal proposal, List<Product> products) {

        NudgeType type() {
            return proposal.candidate().getType();
        }
    }

    /** A proposal the shopper does not see: why, as a short code for metrics and events, and in words. */
    record Drop(Proposal proposal, String code, String reason) {
    }

    record Outcome(List<Pick> shown, List<Drop> dropped, List<Explanation.RemovedProduct> removed) {
    }

    private static final Comparator<Pick> RANKING = Comparator
            .comparingInt((Pick pick) -> -pick.type().priority())
            // Among equal priorities the goal closest to reach is the most persuasive.
            .thenComparing(pick -> remaining(pick.proposal()), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(pick -> pick.proposal().rule());

    private final int maxNudges;

    Arbitration(int maxNudges) {
        this.maxNudges = maxNudges;
    }

    Outcome arbitrate(List<Proposal> proposals, Map<String, String> excludedSkus, Cart cart) {
        Map<String, String> replacedBy = new HashMap<>();
        proposals.stream().filter(p -> p.replaces() != null).forEach(p -> replacedBy.putIfAbsent(p.replaces(), p.rule()));

        List<Pick> eligible = new ArrayList<>();
        List<Drop> dropped = new ArrayList<>();
        List<Explanation.RemovedProduct> removed = new ArrayList<>();
        for (Proposal proposal : proposals) {
            if (replacedBy.containsKey(proposal.rule())) {
                dropped.add(new Drop(proposal, "replaced", "replaced by \"" + replacedBy.get(proposal.rule()) + "\""));
                continue;
            }
            if (remaining(proposal) != null && remaining(proposal).signum() <= 0) {
                // Proposed so that its @replaces holds, but there is nothing left to spend.
                dropped.add(new Drop(proposal, "goal-reached", "goal already reached"));
                continue;
            }
            List<Product> allowed = new ArrayList<>();
            String lastVeto = null;
            String lastVetoCode = null;
            for (Product product : proposal.candidate().getProducts()) {
                String guard = excludedSkus.get(product.sku());
                String veto = cart.contains(product.sku()) ? "already in cart"
                        : guard != null ? "excluded by guard \"" + guard + "\"" : null;
                if (veto == null) {
                    allowed.add(product);
                } else {
                    removed.add(new Explanation.RemovedProduct(proposal.rule(), product.sku(), veto));
                    lastVeto = veto;
                    lastVetoCode = guard != null && !cart.contains(product.sku()) ? "excluded" : "in-cart";
                }
            }
            if (suggestsProducts(proposal) && allowed.isEmpty()) {
                dropped.add(lastVeto == null ? new Drop(proposal, "no-product", "no product to suggest") : new Drop(proposal, lastVetoCode, lastVeto));
            } else {
                eligible.add(new Pick(proposal, allowed));
            }
        }
        eligible.sort(RANKING);

        List<Pick> shown = new ArrayList<>();
        Set<String> shownSkus = new HashSet<>();
        for (Pick pick : eligible) {
            List<Product> fresh = pick.products().stream().filter(p -> !shownSkus.contains(p.sku())).toList();
            if (pick.type() == NudgeType.FREE_SHIPPING && shown.stream().anyMatch(s -> s.type() == NudgeType.FREE_SHIPPING)) {
                dropped.add(new Drop(pick.proposal(), "one-free-shipping", "one free-shipping nudge per answer"));
            } else if (suggestsProducts(pick.proposal()) && fresh.isEmpty()) {
                dropped.add(new Drop(pick.proposal(), "duplicate-product", "duplicate product"));
            } else if (shown.size() >= maxNudges) {
                dropped.add(new Drop(pick.proposal(), "cap", "cap of " + maxNudges + " nudges"));
            } else {
                pick.products().stream().filter(p -> shownSkus.contains(p.sku())).forEach(p ->
                        removed.add(new Explanation.RemovedProduct(pick.proposal().rule(), p.sku(), "duplicate product")));
                shown.add(new Pick(pick.proposal(), fresh));
                fresh.forEach(p -> shownSkus.add(p.sku()));
            }
        }
        return new Outcome(shown, dropped, removed);
    }

    private static boolean suggestsProducts(Proposal proposal) {
        return proposal.candidate().getType().shape() == NudgeType.Shape.PRODUCTS;
    }

    private static BigDecimal remaining(Proposal proposal) {
        Threshold threshold = proposal.candidate().getThreshold();
        return threshold == null ? null : threshold.getRemaining();
    }
}
