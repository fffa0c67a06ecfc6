package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RuleSources;

/** The engine on its own, over the demo rules plus one rule that fails on purpose. */
class DecisionEngineTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final String FAULTY_RULE = """
            package nudge;

            import io.nudge.decision.*;

            rule "A rule that fails for the test sku"
                @description("Only for this test: its consequence throws.")
            when
                LineItem( sku == "FAILS" )
            then
                throw new IllegalStateException("failing on purpose");
            end
            """;

    private static final String SIXTY_DOLLAR_CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 60.00}]},
             "context": {"at": "2026-03-02T10:00:00Z"}}
            """;

    private static final String FAILING_CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "FAILS", "quantity": 1, "price": 60.00}]}}
            """;

    private static RuleBook demo;
    private static RuleBook demoWithFaultyRule;
    private final DecisionEngine engine = new DecisionEngine(FixedDecisionConfig.DEFAULTS);

    @BeforeAll
    static void compile() {
        RuleSources sources = RuleSources.fromFolder(Path.of("rules"));
        demo = new RuleCompiler().compile(sources).book();
        SortedMap<String, String> files = new TreeMap<>(sources.files());
        files.put("faulty.drl", FAULTY_RULE);
        demoWithFaultyRule = new RuleCompiler().compile(new RuleSources(files, new TreeMap<>())).book();
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

    @Test
    void shouldAnswerWithoutTheFailingRuleInsteadOfFailing() throws Exception {
        Decision failing = engine.decide(demoWithFaultyRule, request(FAILING_CART), true);

        assertThat(failing.nudges()).noneMatch(nudge -> nudge.rule().contains("fails"));
        assertThat(failing.explanation().fired()).noneMatch(fired -> fired.rule().contains("fails"));
    }

    @Test
    void shouldDecideRightAfterARuleFailedInTheSameSessionPool() throws Exception {
        Decision expected = engine.decide(demo, request(SIXTY_DOLLAR_CART));

        engine.decide(demoWithFaultyRule, request(FAILING_CART));
        Decision after = engine.decide(demoWithFaultyRule, request(SIXTY_DOLLAR_CART), true);

        assertThat(after.nudges()).isNotEmpty().isEqualTo(expected.nudges());
        assertThat(after.explanation().fired()).noneMatch(fired -> fired.rule().contains("fails"));
    }

    private static NudgeRequest request(String json) throws Exception {
        return JSON.readValue(json, NudgeRequest.class);
    }
}
