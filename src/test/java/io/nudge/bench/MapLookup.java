package io.nudge.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.LineItem;

/**
 * The floor: the workload's decision in plain Java maps and loops, no rule engine, on the same facts
 * as the rule engines. What a rule engine costs is measured against it, in the same run.
 */
final class MapLookup implements Decider {

    private final Map<String, List<Workload.Pair>> byIfSku = new HashMap<>();
    private final Workload.Base base;

    MapLookup(Workload.Rules rules) {
        rules.pairs().forEach(pair -> byIfSku.computeIfAbsent(pair.ifSku(), sku -> new ArrayList<>()).add(pair));
        this.base = rules.base();
    }

    @Override
    public Workload.Expected decide(String id, Cart cart) {
        Workload.CategoryCrossSell cross = base.categoryCrossSell();
        Set<String> inCart = new HashSet<>();
        boolean ifCategory = false;
        boolean unlessCategory = false;
        for (LineItem item : cart.items()) {
            inCart.add(item.sku());
            ifCategory |= cross.ifCategory().equals(item.category());
            unlessCategory |= cross.unlessCategory().equals(item.category());
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (LineItem item : cart.items()) {
            for (Workload.Pair pair : byIfSku.getOrDefault(item.sku(), List.of())) {
                if (!inCart.contains(pair.suggestSku())) {
                    suggestions.add(new Suggestion(pair.suggestSku(), pair.priority()));
                }
            }
        }
        if (ifCategory && !unlessCategory && !inCart.contains(cross.suggestSku())) {
            suggestions.add(new Suggestion(cross.suggestSku(), cross.priority()));
        }
        BigDecimal subtotal = cart.subtotal();
        Workload.Goal shipping = base.freeShipping();
        Workload.Goal spendMore = base.spendMore();
        BigDecimal freeShipping = subtotal.compareTo(shipping.minExclusive()) > 0 && subtotal.compareTo(shipping.threshold()) < 0
                ? shipping.threshold().subtract(subtotal) : null;
        BigDecimal discount = subtotal.compareTo(spendMore.min()) >= 0 && subtotal.compareTo(spendMore.threshold()) < 0
                ? spendMore.threshold().subtract(subtotal) : null;
        return new Workload.Expected(id, BenchEngine.cents(subtotal), BenchEngine.cents(freeShipping), BenchEngine.cents(discount),
                BenchEngine.topThree(suggestions));
    }
}
