package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.testing.Catalogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RuleSources;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.testing.FixedDecisionConfig;
import io.nudge.testing.TestRuleBook;

/** The engine on its own, over the test rules plus the rules broken on purpose in faulty-rules/faulty.drl. */
class DecisionEngineTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final String SERUM_CART = TestRuleBook.SERUM_CART;

    private static RuleBook sound;
    private static RuleBook withFaultyRules;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final DecisionEngine engine = new DecisionEngine(new FixedDecisionConfig(3, 100, Duration.ofMillis(500)),
            new RuleFaults(metrics), HoldoutPolicy.NONE);

    @BeforeAll
    static void compile() throws Exception {
        RuleSources sources = RuleSources.fromFolder(TestRuleBook.FOLDER);
        sound = new RuleCompiler().compile(sources).book();
        SortedMap<String, String> files = new TreeMap<>(sources.files());
        files.put("faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        withFaultyRules = new RuleCompiler().compile(new RuleSources(files, new TreeMap<>())).book();
    }

    @Test
    void shouldDecideAlikeWithEveryReusedSession() throws Exception {
        Decision first = decide(sound, SERUM_CART, true);

        for (int i = 0; i < 5; i++) {
            Decision again = decide(sound, SERUM_CART, true);

            assertThat(again.nudges()).isNotEmpty().isEqualTo(first.nudges());
            assertThat(again.explanation()).isEqualTo(first.explanation());
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "FAILS-THEN, A rule whose consequence throws, CONSEQUENCE_FAILED",
            "OVERFLOWS,  A rule whose consequence overflows the stack, CONSEQUENCE_FAILED",
            "LOOPS,      A rule that keeps re-activating itself, FIRING_CAP",
            "STALLS,     A rule that takes its time, TIME_BUDGET"})
    void shouldKeepTheNudgesProposedBeforeTheFaultyRuleFired(String sku, String rule, RuleFault.Kind kind) throws Exception {
        Decision whole = decide(sound, cartWith(sku), false);

        Decision cutShort = decide(withFaultyRules, cartWith(sku), true);

        assertThat(cutShort.nudges()).isNotEmpty().isEqualTo(whole.nudges());
        assertThat(cutShort.explanation().fault()).extracting(RuleFault::rule, RuleFault::kind).containsExactly(rule, kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"FAILS-WHEN, A rule whose condition throws", "FAILS-FROM, ", "ERRS-WHEN, "}, nullValues = "")
    void shouldAnswerWhenAConditionThrows(String sku, String rule) throws Exception {
        Decision failed = decide(withFaultyRules, cartWith(sku), true);

        assertThat(failed.rulesVersion()).isEqualTo(withFaultyRules.version());
        assertThat(failed.explanation().fault()).extracting(RuleFault::rule, RuleFault::kind)
                .containsExactly(rule, RuleFault.Kind.CONDITION_FAILED);
    }

    @Test
    void shouldCountEachFaultByRuleAndKind() throws Exception {
        decide(withFaultyRules, cartWith("FAILS-THEN"), false);
        decide(withFaultyRules, cartWith("FAILS-THEN"), false);
        decide(withFaultyRules, cartWith("FAILS-FROM"), false);

        assertThat(metrics.get("nudge.rule.faults").tag("rule", "A rule whose consequence throws")
                .tag("kind", "consequence-failed").counter().count()).isEqualTo(2.0);
        assertThat(metrics.get("nudge.rule.faults").tag("rule", "unknown")
                .tag("kind", "condition-failed").counter().count()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "after {0}")
    @CsvSource({"FAILS-THEN", "FAILS-WHEN", "FAILS-FROM", "LOOPS", "OVERFLOWS", "ERRS-WHEN"})
    void shouldDecideRightAfterAFaultInTheSameSessionPool(String sku) throws Exception {
        Decision expected = decide(sound, SERUM_CART, true);

        decide(withFaultyRules, cartWith(sku), false);
        Decision after = decide(withFaultyRules, SERUM_CART, true);

        assertThat(after.nudges()).isNotEmpty().isEqualTo(expected.nudges());
        assertThat(after.explanation().fault()).isNull();
    }

    @Test
    void shouldNotCallARunThatEndsOnItsOwnAtTheCapAFault() throws Exception {
        // One rule firing once per line: three lines, three firings, and a cap of 0 + 3 lines x 1 rule.
        RuleBook onePerLine = compile("mugs.drl", """
                        package nudge;
                        import io.nudge.vocabulary.*;
                        import function io.nudge.vocabulary.Candidate.crossSell;
                        global io.nudge.vocabulary.Catalog catalog;

                        rule "Every line brings a mug"
                            @description("test")
                        when
                            LineItem()
                            $mug : Product() from catalog.product( "MUG-1" )
                        then
                            insert( crossSell( $mug, "A mug" ) );
                        end
                        """).book();
        DecisionEngine noSpareFirings = new DecisionEngine(new FixedDecisionConfig(3, 0, Duration.ofSeconds(5)),
                new RuleFaults(metrics), HoldoutPolicy.NONE);

        Decision decision = noSpareFirings.decide(onePerLine, RequestFacts.of(JSON.readValue("""
                {"cart": {"currency": "USD", "items": [{"sku": "A", "quantity": 1, "price": 1}, {"sku": "B", "quantity": 1, "price": 1},
                                                       {"sku": "C", "quantity": 1, "price": 1}]}}
                """, NudgeRequest.class), Catalogs.TEST), true);

        assertThat(decision.explanation().fault()).isNull();
        assertThat(decision.nudges()).extracting(Nudge::rule).containsExactly("Every line brings a mug");
    }

    @Test
    void shouldGiveRulesTheProductsBoughtWithEachCartLineThatHasAnyBeforeTheyFire() throws Exception {
        RuleBook pairs = compile("pairs.drl", """
                        package nudge;
                        import io.nudge.vocabulary.*;
                        import function io.nudge.vocabulary.Candidate.crossSell;

                        rule "Bought with a line"
                            @description("test")
                        when
                            BoughtTogether( $item : item, $partners : products )
                        then
                            insert( crossSell( $partners, "With {product}" ).about( $item ) );
                        end
                        """).book();

        Decision decision = engine.decide(pairs, RequestFacts.of(JSON.readValue("""
                {"cart": {"currency": "USD", "items": [{"sku": "TENT-2", "quantity": 1, "price": 120.00},
                                                       {"sku": "SER-1", "quantity": 1, "price": 30.00}]}}
                """, NudgeRequest.class), Catalogs.TEST), true);

        assertThat(decision.explanation().fault()).isNull();
        assertThat(decision.nudges()).as("the tent's pair with a sku no longer sold is left out; the serum has no pair")
                .singleElement().satisfies(nudge -> {
                    assertThat(nudge.message()).isEqualTo("With Two-person tent");
                    assertThat(nudge.products()).extracting(Nudge.SuggestedProduct::sku).containsExactly("MUG-1");
                });
    }

    @Test
    void shouldShowAFirstNameAndALineNameThatHoldPlaceholdersAsTyped() throws Exception {
        var compilation = compile("pairs.drl", """
                        package nudge;
                        import io.nudge.vocabulary.*;
                        import function io.nudge.vocabulary.Candidate.crossSell;

                        global io.nudge.vocabulary.Catalog catalog;

                        rule "A cream with the serum"
                            @description("test")
                        when
                            $item : LineItem( sku == "SER-1" )
                            $cream : Product() from catalog.product( "CRM-1" )
                        then
                            insert( crossSell( $cream, "With {product}" ).toNamedShopper( "{firstName}, with {product}: {line}" ).about( $item ) );
                        end
                        """);
        assertThat(compilation.errors()).isEmpty();
        RuleBook book = compilation.book();

        Decision decision = engine.decide(book, RequestFacts.of(JSON.readValue("""
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "name": "{firstName} {remaining}", "quantity": 1, "price": 30.00}]},
                 "shopper": {"firstName": "{line}"}}
                """, NudgeRequest.class), Catalogs.TEST), false);

        assertThat(decision.nudges()).singleElement().extracting(Nudge::message)
                .isEqualTo("{line}, with {firstName} {remaining}: Aura");
    }

    @Test
    void shouldQuarantineARuleThatRunsPastItsBudgetTooOftenUntilTheNextBook() throws Exception {
        SortedMap<String, String> files = new TreeMap<>(RuleSources.fromFolder(TestRuleBook.FOLDER).files());
        files.put("faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        RuleBook book = new RuleCompiler().compile(new RuleSources(files, new TreeMap<>())).book();
        List<RuleQuarantined> told = new ArrayList<>();
        DecisionEngine quarantining = new DecisionEngine(new FixedDecisionConfig(3, 100, Duration.ofMillis(500)),
                new RuleFaults(metrics, 3, told::add), HoldoutPolicy.NONE);

        for (int overrun = 1; overrun <= 3; overrun++) {
            assertThat(quarantining.decide(book, RequestFacts.of(JSON.readValue(cartWith("STALLS"), NudgeRequest.class), Catalogs.TEST), true)
                    .explanation().fault().kind()).isEqualTo(RuleFault.Kind.TIME_BUDGET);
        }
        Decision after = quarantining.decide(book, RequestFacts.of(JSON.readValue(cartWith("STALLS"), NudgeRequest.class), Catalogs.TEST), true);

        assertThat(book.quarantined()).containsExactly("A rule that takes its time");
        assertThat(told).singleElement().satisfies(quarantine -> {
            assertThat(quarantine.rule()).isEqualTo("A rule that takes its time");
            assertThat(quarantine.version()).isEqualTo(book.version());
        });
        assertThat(metrics.get("nudge.rules.quarantined").tag("rule", "A rule that takes its time").counter().count()).isEqualTo(1);
        assertThat(after.explanation().fault()).as("the rule no longer fires").isNull();
        assertThat(after.explanation().fired()).extracting(Explanation.FiredRule::rule).doesNotContain("A rule that takes its time")
                .contains("Free shipping from 35");
        assertThat(withFaultyRules.quarantined()).as("another book of the same rules is untouched").isEmpty();
    }

    @Test
    void shouldGreetAShopperKnownByNameWithTheRulesNamedMessageWhereTheNudgeGivesNone() throws Exception {
        var compilation = compile("cream.drl", """
                        package nudge;
                        import io.nudge.vocabulary.*;
                        global io.nudge.vocabulary.Catalog catalog;

                        rule "A cream with the serum"
                            @description("test")
                            @named("{firstName}, your {line} serum wants its cream")
                        when
                            LineItem( sku == "SER-1" )
                            $cream : Product() from catalog.product( "CRM-1" )
                        then
                            insert( Candidate.crossSell( $cream, "Your serum wants its cream" ) );
                        end
                        """);
        assertThat(compilation.errors()).isEmpty();
        String cart = """
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": 30.00}]}%s}""";

        Decision named = engine.decide(compilation.book(), RequestFacts.of(JSON.readValue(cart.formatted(", \"shopper\": {\"firstName\": \"Ana\"}"),
                NudgeRequest.class), Catalogs.TEST), false);
        Decision anonymous = engine.decide(compilation.book(), RequestFacts.of(JSON.readValue(cart.formatted(""), NudgeRequest.class),
                Catalogs.TEST), false);

        assertThat(named.nudges()).extracting(Nudge::message).containsExactly("Ana, your Aura serum wants its cream");
        assertThat(anonymous.nudges()).extracting(Nudge::message).containsExactly("Your serum wants its cream");
    }

    @Test
    void shouldLetALongCartFireMoreThanTheCapAlone() throws Exception {
        DecisionEngine tightCap = new DecisionEngine(new FixedDecisionConfig(3, 10, Duration.ofSeconds(5)),
                new RuleFaults(metrics), HoldoutPolicy.NONE);
        String tents = String.join(",", Collections.nCopies(30, "{\"sku\": \"TENT-2\", \"quantity\": 1, \"price\": 120.00}"));

        Decision decision = tightCap.decide(sound, RequestFacts.of(JSON.readValue("""
                {"cart": {"currency": "USD", "items": [%s]}}
                """.formatted(tents), NudgeRequest.class), Catalogs.TEST), true);

        assertThat(decision.explanation().fault()).isNull();
        assertThat(decision.explanation().fired()).filteredOn(fired -> fired.rule().equals("Stakes for a new tent")).hasSize(30);
    }

    private static String cartWith(String faultySku) {
        return """
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": 30.00},
                                                       {"sku": "%s", "quantity": 1, "price": 1.00}]},
                 "context": {"at": "2026-03-02T10:00:00Z"}}
                """.formatted(faultySku);
    }

    /** The rule book of one DRL file, {@code file}, compiled as a reload compiles it. */
    private static RuleCompiler.Compilation compile(String file, String drl) {
        return new RuleCompiler().compile(new RuleSources(new TreeMap<>(Map.of(file, drl)), new TreeMap<>()));
    }

    private Decision decide(RuleBook book, String json, boolean explain) throws Exception {
        return engine.decide(book, RequestFacts.of(JSON.readValue(json, NudgeRequest.class), Catalogs.TEST), explain);
    }
}
