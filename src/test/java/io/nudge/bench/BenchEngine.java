package io.nudge.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.LineItem;

/**
 * The benchmark's rules, compiled to the executable model as the service's are, in one of two
 * formulations of the N pair rules, and the decision the workload's contract asks for. Sessions
 * come from a pool, as in the service.
 */
public final class BenchEngine implements Decider {

    /** How the N "bought together" pairs become rules. */
    public enum Formulation {
        /**
         * The pairs stay a table (as a merchandiser keeps them): each cart line's pairs are looked up in it before the rules
         * fire, as ready-made facts, and one generic rule matches them (looked up from the rule, in a {@code from}, each
         * line's pairs went through the network's data-source node, which cost more than the rest of the decision).
         */
        TABLE,
        /** One DRL rule per pair, generated from the table. */
        GENERATED,
        /** No rules: the same decision in plain Java maps and loops, the floor the two above are held against. */
        FLOOR
    }

    private static final Currency USD = Currency.getInstance("USD");

    private final KieSessionsPool sessions;
    private final PairTable pairs;

    private BenchEngine(KieBase kieBase, PairTable pairs) {
        this.sessions = kieBase.newKieSessionsPool(1);
        this.pairs = pairs;
    }

    public static Decider build(Workload.Rules rules, Formulation formulation) {
        if (formulation == Formulation.FLOOR) {
            return new MapLookup(rules);
        }
        StringBuilder drl = new StringBuilder(baseRules(rules.base()));
        if (formulation == Formulation.TABLE) {
            drl.append("""
                    rule "Bought together"
                    when
                        $pair : Workload.Pair()
                        not LineItem( sku == $pair.suggestSku )
                    then
                        insert( new Suggestion( $pair.suggestSku(), $pair.priority() ) );
                    end
                    """);
        } else {
            for (Workload.Pair pair : rules.pairs()) {
                drl.append("""
                        rule "%s"
                        when
                            LineItem( sku == "%s" )
                            not LineItem( sku == "%s" )
                        then
                            insert( new Suggestion( "%s", %d ) );
                        end
                        """.formatted(pair.id(), pair.ifSku(), pair.suggestSku(), pair.suggestSku(), pair.priority()));
            }
        }
        return new BenchEngine(compile(drl.toString()), formulation == Formulation.TABLE ? new PairTable(rules.pairs()) : null);
    }

    private static String baseRules(Workload.Base base) {
        Workload.Goal shipping = base.freeShipping();
        Workload.Goal spendMore = base.spendMore();
        Workload.CategoryCrossSell cross = base.categoryCrossSell();
        return """
                package bench;

                import java.math.BigDecimal;
                import io.nudge.vocabulary.Cart;
                import io.nudge.vocabulary.LineItem;
                import io.nudge.bench.Suggestion;
                import io.nudge.bench.Remaining;
                import io.nudge.bench.Workload;

                rule "Free shipping"
                when
                    $cart : Cart( subtotal > %s, subtotal < %s )
                then
                    insert( new Remaining( "freeShipping", new BigDecimal( "%s" ).subtract( $cart.subtotal() ) ) );
                end

                rule "Spend more"
                when
                    $cart : Cart( subtotal >= %s, subtotal < %s )
                then
                    insert( new Remaining( "discount", new BigDecimal( "%s" ).subtract( $cart.subtotal() ) ) );
                end

                rule "Category cross-sell"
                when
                    exists LineItem( category == "%s" )
                    not LineItem( category == "%s" )
                    not LineItem( sku == "%s" )
                then
                    insert( new Suggestion( "%s", %d ) );
                end

                """.formatted(shipping.minExclusive().toPlainString(), shipping.threshold().toPlainString(), shipping.threshold().toPlainString(),
                spendMore.min().toPlainString(), spendMore.threshold().toPlainString(), spendMore.threshold().toPlainString(),
                cross.ifCategory(), cross.unlessCategory(), cross.suggestSku(), cross.suggestSku(), cross.priority());
    }

    private static KieBase compile(String drl) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("io.nudge.bench", "rules", "1." + System.nanoTime());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/bench/rules.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("benchmark rules do not compile: " + errors);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** The cart as the service's facts: its lines, and a USD cart with the exact subtotal. */
    public static Cart facts(Workload.Cart cart) {
        List<LineItem> items = cart.items().stream()
                .map(item -> new LineItem(item.sku(), item.quantity(), item.price(), null, item.category(), null, Set.of()))
                .toList();
        return Cart.of(USD, items);
    }

    @Override
    public Workload.Expected decide(String id, Cart cart) {
        KieSession session = sessions.newKieSession();
        Map<String, BigDecimal> remaining = new HashMap<>();
        List<Suggestion> suggestions = new ArrayList<>();
        try {
            // What the rules propose is heard as they insert it, as the service hears its candidates, not read back from the session.
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Suggestion suggestion) {
                        suggestions.add(suggestion);
                    } else if (event.getObject() instanceof Remaining left) {
                        remaining.put(left.goal(), left.amount());
                    }
                }
            });
            session.insert(cart);
            for (LineItem item : cart.items()) {
                session.insert(item);
                if (pairs != null) {
                    pairs.forSku(item.sku()).forEach(session::insert);
                }
            }
            session.fireAllRules();
            return new Workload.Expected(id, cents(cart.subtotal()), cents(remaining.get("freeShipping")),
                    cents(remaining.get("discount")), topThree(suggestions));
        } finally {
            session.dispose();
        }
    }

    /** Highest priority first, then sku; each sku once, at its best priority. */
    static List<String> topThree(List<Suggestion> suggestions) {
        Map<String, Integer> best = new HashMap<>();
        suggestions.forEach(s -> best.merge(s.sku(), s.priority(), Math::max));
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    static String cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
