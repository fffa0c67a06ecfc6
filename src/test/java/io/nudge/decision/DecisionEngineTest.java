package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nudge.lift.Holdouts;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RuleSources;

/** The engine on its own, over the demo rules plus the rules broken on purpose in faulty-rules/faulty.drl. */
class DecisionEngineTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final String SIXTY_DOLLAR_CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 60.00}]},
             "context": {"at": "2026-03-02T10:00:00Z"}}
            """;

    private static RuleBook demo;
    private static RuleBook demoWithFaultyRules;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final DecisionEngine engine = new DecisionEngine(new FixedDecisionConfig(3, 100, Duration.ofMillis(50)),
            new RuleFaults(metrics), Holdouts.NONE);

    @BeforeAll
    static void compile() throws Exception {
        RuleSources sources = RuleSources.fromFolder(Path.of("rules"));
        demo = new RuleCompiler().compile(sources).book();
        SortedMap<String, String> files = new TreeMap<>(sources.files());
        files.put("faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        demoWithFaultyRules = new RuleCompiler().compile(new RuleSources(files, new TreeMap<>())).book();
    }

    @Test
    void shouldDecideAlikeWithEveryReusedSession() throws Exception {
        Decision first = engine.decide(demo, request(SIXTY_DOLLAR_CART), true);

        for (int i = 0; i < 5; i++) {
            Decision again = engine.decide(demo, request(SIXTY_DOLLAR_CART), true);

            assertThat(again.nudges()).isNotEmpty().isEqualTo(first.nudges());
            assertThat(again.explanation()).isEqualTo(first.explanation());
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "FAILS-THEN, A rule whose consequence throws, CONSEQUENCE_FAILED",
            "LOOPS,      A rule that keeps re-activating itself, FIRING_CAP",
            "STALLS,     A rule that takes its time, TIME_BUDGET"})
    void shouldKeepTheNudgesProposedBeforeTheFaultyRuleFired(String sku, String rule, RuleFault.Kind kind) throws Exception {
        Decision sound = engine.decide(demo, request(cartWith(sku)));

        Decision cutShort = engine.decide(demoWithFaultyRules, request(cartWith(sku)), true);

        assertThat(cutShort.nudges()).isNotEmpty().isEqualTo(sound.nudges());
        assertThat(cutShort.explanation().fault()).extracting(RuleFault::rule, RuleFault::kind).containsExactly(rule, kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"FAILS-WHEN, A rule whose condition throws", "FAILS-FROM, "}, nullValues = "")
    void shouldAnswerWhenAConditionThrows(String sku, String rule) throws Exception {
        Decision failed = engine.decide(demoWithFaultyRules, request(cartWith(sku)), true);

        assertThat(failed.rulesVersion()).isEqualTo(demoWithFaultyRules.version());
        assertThat(failed.explanation().fault()).extracting(RuleFault::rule, RuleFault::kind)
                .containsExactly(rule, RuleFault.Kind.CONDITION_FAILED);
    }

    @Test
    void shouldCountEachFaultByRuleAndKind() throws Exception {
        engine.decide(demoWithFaultyRules, request(cartWith("FAILS-THEN")));
        engine.decide(demoWithFaultyRules, request(cartWith("FAILS-THEN")));
        engine.decide(demoWithFaultyRules, request(cartWith("FAILS-FROM")));

        assertThat(metrics.get("nudge.rule.faults").tag("rule", "A rule whose consequence throws")
                .tag("kind", "consequence-failed").counter().count()).isEqualTo(2.0);
        assertThat(metrics.get("nudge.rule.faults").tag("rule", "unknown")
                .tag("kind", "condition-failed").counter().count()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "after {0}")
    @CsvSource({"FAILS-THEN", "FAILS-WHEN", "FAILS-FROM", "LOOPS"})
    void shouldDecideRightAfterAFaultInTheSameSessionPool(String sku) throws Exception {
        Decision expected = engine.decide(demo, request(SIXTY_DOLLAR_CART), true);

        engine.decide(demoWithFaultyRules, request(cartWith(sku)));
        Decision after = engine.decide(demoWithFaultyRules, request(SIXTY_DOLLAR_CART), true);

        assertThat(after.nudges()).isNotEmpty().isEqualTo(expected.nudges());
        assertThat(after.explanation().fault()).isNull();
    }

    private static String cartWith(String faultySku) {
        return """
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 60.00},
                                                       {"sku": "%s", "quantity": 1, "price": 1.00}]},
                 "context": {"at": "2026-03-02T10:00:00Z"}}
                """.formatted(faultySku);
    }

    private static NudgeRequest request(String json) throws Exception {
        return JSON.readValue(json, NudgeRequest.class);
    }
}
