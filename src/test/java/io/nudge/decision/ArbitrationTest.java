package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.Threshold;

class ArbitrationTest {

    private static final Cart CART_WITH_SERUM = Cart.of(java.util.Currency.getInstance("USD"),
            List.of(new LineItem("HYD-SER", 1, new BigDecimal("20.00"), null, "beauty/serums", "Hydra", Set.of())));

    private final Arbitration arbitration = new Arbitration(3, 4);

    static Product product(String sku) {
        return new Product(sku, sku, "test", null, Map.of("USD", BigDecimal.ONE), Set.of(), Set.of(), Set.of(), null);
    }

    static Proposal crossSell(String rule, String... skus) {
        return new Proposal(Candidate.crossSell(List.of(skus).stream().map(ArbitrationTest::product).toList(), "m"), rule(rule, null));
    }

    static Proposal freeShipping(String rule, String goal, String replaces) {
        return new Proposal(Candidate.freeShipping(Threshold.of(CART_WITH_SERUM, "USD " + goal).get(0), "m"), rule(rule, replaces));
    }

    private static RuleInfo rule(String name, String replaces) {
        return new RuleInfo(name, "test.drl", null, null, "d", null, null, replaces, null, null, null, null);
    }

    private static RuleInfo rule(String name, Integer priority, String group, Integer limit) {
        return new RuleInfo(name, "test.drl", null, null, "d", null, null, null, priority, group, limit, null);
    }

    @Test
    void shouldShowOneNudgeOfAGroupTheHighestPriorityFirst() {
        Proposal gift = new Proposal(Candidate.gift(Threshold.of(CART_WITH_SERUM, "USD 30").get(0), "gift"), rule("gift", null, "spend goal", null));
        Proposal discount = new Proposal(Candidate.discount(Threshold.of(CART_WITH_SERUM, "USD 25").get(0), "discount"),
                rule("discount", 95, "spend goal", null));

        var outcome = arbitration.arbitrate(List.of(gift, discount), Map.of(), CART_WITH_SERUM);

        assertThat(shownRules(outcome)).containsExactly("discount");
        assertThat(outcome.dropped()).singleElement().satisfies(fate -> {
            assertThat(fate.rule()).isEqualTo("gift");
            assertThat(fate.why()).isEqualTo("one nudge of group \"spend goal\" per answer");
        });
    }

    @Test
    void shouldShowNoMoreOfARulesNudgesThanItsLimit() {
        RuleInfo oftenBought = rule("often bought together", null, null, 1);
        var outcome = arbitration.arbitrate(List.of(new Proposal(crossSell("x", "A").candidate(), oftenBought),
                new Proposal(crossSell("x", "B").candidate(), oftenBought), crossSell("other", "C")), Map.of(), CART_WITH_SERUM);

        assertThat(shownRules(outcome)).containsExactly("often bought together", "other");
        assertThat(outcome.dropped()).extracting(Fate::why).containsExactly("the rule's limit of 1 per answer");
    }

    @Test
    void shouldRankARuleByItsOwnPriorityOverItsTypes() {
        Proposal boosted = new Proposal(crossSell("x", "A").candidate(), rule("boosted cross-sell", 120, null, null));
        var outcome = arbitration.arbitrate(List.of(freeShipping("shipping", "35", null), boosted), Map.of(), CART_WITH_SERUM);

        assertThat(shownRules(outcome)).containsExactly("boosted cross-sell", "shipping");
    }

    private static List<String> shownRules(Arbitration.Outcome outcome) {
        return outcome.shown().stream().map(pick -> pick.proposal().rule().name()).toList();
    }

    @Test
    void shouldDropTheNudgeOfARuleThatAFiredRuleReplaces() {
        var outcome = arbitration.arbitrate(List.of(freeShipping("standard", "35", null), freeShipping("personal", "50", "standard")),
                Map.of(), CART_WITH_SERUM);
        assertThat(shownRules(outcome)).containsExactly("personal");
        assertThat(outcome.dropped()).singleElement().extracting(Fate::why).isEqualTo("replaced by \"personal\"");
    }

    @Test
    void shouldDropTheNudgesOfEveryRuleOfAGroupThatAFiredRuleReplacesButItsOwn() {
        Proposal dollars = new Proposal(Candidate.freeShipping(Threshold.of(CART_WITH_SERUM, "USD 35").get(0), "m"),
                rule("free shipping in dollars", null, "free shipping", null));
        Proposal country = new Proposal(Candidate.freeShipping(Threshold.of(CART_WITH_SERUM, "USD 40").get(0), "m"),
                rule("free shipping to a country", null, "free shipping", null));
        Proposal sale = new Proposal(Candidate.freeShipping(Threshold.of(CART_WITH_SERUM, "USD 45").get(0), "m"),
                new RuleInfo("sale", "t.drl.xlsx", "s", 12, "d", null, null, "free shipping", null, "free shipping", null, null));

        var outcome = arbitration.arbitrate(List.of(dollars, country, sale), Map.of(), CART_WITH_SERUM);

        assertThat(shownRules(outcome)).containsExactly("sale");
        assertThat(outcome.dropped()).extracting(Fate::rule, Fate::why).containsExactlyInAnyOrder(
                tuple("free shipping in dollars", "replaced by \"sale\""), tuple("free shipping to a country", "replaced by \"sale\""));
    }

    @Test
    void shouldShowNothingForAGoalAlreadyReachedYetLetItsRuleReplaceAnother() {
        var outcome = arbitration.arbitrate(List.of(freeShipping("standard", "35", null), freeShipping("sale", "15", "standard")),
                Map.of(), CART_WITH_SERUM);
        assertThat(outcome.shown()).isEmpty();
        assertThat(outcome.dropped()).extracting(Fate::why)
                .containsExactly("replaced by \"sale\"", "goal already reached");
    }

    @Test
    void shouldShowOnlyTheFreeShippingNudgeClosestToReach() {
        var outcome = arbitration.arbitrate(List.of(freeShipping("far", "50", null), freeShipping("near", "25", null)),
                Map.of(), CART_WITH_SERUM);
        assertThat(shownRules(outcome)).containsExactly("near");
        assertThat(outcome.dropped()).singleElement().extracting(Fate::why).isEqualTo("one free-shipping nudge per answer");
    }

    @Test
    void shouldNeverSuggestAProductAlreadyInTheCart() {
        var outcome = arbitration.arbitrate(List.of(crossSell("routine", "HYD-SER", "HYD-CLN"), crossSell("serum again", "HYD-SER")),
                Map.of(), CART_WITH_SERUM);
        assertThat(outcome.shown()).singleElement().satisfies(pick -> {
            assertThat(pick.proposal().rule().name()).isEqualTo("routine");
            assertThat(pick.products()).extracting(Product::sku).containsExactly("HYD-CLN");
        });
        assertThat(outcome.dropped()).singleElement().extracting(Fate::why).isEqualTo("already in cart");
    }

    @Test
    void shouldNeverSuggestAProductOutOfStockEvenOneARuleNamesBySku() {
        Product soldOut = new Product("PAC-2", "Pacifiers", "baby/pacifiers", null, Map.of("USD", BigDecimal.ONE), Set.of(), Set.of(), Set.of(), 1,
                null, null, null, "out_of_stock", "infant", Map.of());
        Proposal pacifiers = new Proposal(Candidate.crossSell(List.of(soldOut, product("BOT-2")), "m"), rule("pacifiers", null));
        Proposal onlyPacifiers = new Proposal(Candidate.crossSell(soldOut, "m"), rule("only pacifiers", null));

        var outcome = arbitration.arbitrate(List.of(pacifiers, onlyPacifiers), Map.of(), CART_WITH_SERUM);

        assertThat(outcome.shown()).singleElement().satisfies(pick -> assertThat(pick.products()).extracting(Product::sku).containsExactly("BOT-2"));
        assertThat(outcome.removed()).extracting(Explanation.RemovedProduct::sku).containsOnly("PAC-2");
        assertThat(outcome.dropped()).singleElement().satisfies(fate -> {
            assertThat(fate.rule()).isEqualTo("only pacifiers");
            assertThat(fate.why()).isEqualTo("out of stock");
        });
    }

    @Test
    void shouldSuggestTheFirstFewProductsARuleGivesAndNoMore() {
        var outcome = arbitration.arbitrate(List.of(crossSell("whole category", "A", "B", "C", "D", "E", "F")), Map.of(), CART_WITH_SERUM);

        assertThat(outcome.shown()).singleElement().satisfies(pick -> assertThat(pick.products()).extracting(Product::sku)
                .containsExactly("A", "B", "C", "D"));
    }

    @Test
    void shouldDropProductsAGuardExcluded() {
        var outcome = arbitration.arbitrate(List.of(crossSell("weights", "WGT-PY-2")), Map.of("WGT-PY-2", "No saltwater"), CART_WITH_SERUM);
        assertThat(outcome.shown()).isEmpty();
        assertThat(outcome.dropped()).singleElement().extracting(Fate::why).isEqualTo("excluded by guard \"No saltwater\"");
    }

    @Test
    void shouldShowEachProductOnce() {
        var outcome = arbitration.arbitrate(List.of(crossSell("a", "BELT"), crossSell("b", "BELT")), Map.of(), CART_WITH_SERUM);
        assertThat(shownRules(outcome)).containsExactly("a");
        assertThat(outcome.dropped()).singleElement().extracting(Fate::why).isEqualTo("duplicate product");
    }

    @Test
    void shouldRankByPriorityAndCapTheAnswer() {
        var outcome = arbitration.arbitrate(List.of(crossSell("c", "C"), crossSell("b", "B"), crossSell("a", "A"),
                freeShipping("shipping", "35", null)), Map.of(), CART_WITH_SERUM);
        assertThat(shownRules(outcome)).containsExactly("shipping", "a", "b");
        assertThat(outcome.dropped()).singleElement().satisfies(drop -> {
            assertThat(drop.rule()).isEqualTo("c");
            assertThat(drop.reason()).isEqualTo(Fate.Reason.CAP);
            assertThat(drop.why()).isEqualTo("cap of 3 nudges");
        });
    }

    @Test
    void shouldRankTwoProposalsOfOneRuleByWhatTheySayNotByTheirOrder() {
        Arbitration one = new Arbitration(1, 4);
        for (List<Proposal> proposals : List.of(List.of(crossSell("same", "B"), crossSell("same", "A")),
                List.of(crossSell("same", "A"), crossSell("same", "B")))) {
            assertThat(one.arbitrate(proposals, Map.of(), CART_WITH_SERUM).shown()).singleElement()
                    .satisfies(pick -> assertThat(pick.products()).extracting(Product::sku).containsExactly("A"));
        }
    }

    @Test
    void shouldKeepTagsInOneOrderWhateverTheOrderSent() {
        LineItem item = new LineItem("REEL", 1, BigDecimal.ONE, null, null, null, Set.of("saltwater", "freshwater", "braid"));
        assertThat(item.tags()).containsExactly("braid", "freshwater", "saltwater");
    }
}
