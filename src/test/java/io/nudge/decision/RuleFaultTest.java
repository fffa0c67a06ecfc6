package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleFaultTest {

    @Test
    void shouldNameTheRuleAtFault() {
        assertThat(new RuleFault("Slow rule", RuleFault.Kind.TIME_BUDGET).describe())
                .isEqualTo("rule \"Slow rule\" cut the decision short: time-budget");
    }

    @Test
    void shouldSayWhenDroolsDoesNotNameTheRuleWhoseConditionFailed() {
        assertThat(new RuleFault(null, RuleFault.Kind.CONDITION_FAILED, "NumberFormatException").describe())
                .isEqualTo("a rule's condition failed (Drools does not say which rule), NumberFormatException");
    }

    @Test
    void shouldNotBlameAConditionForTimeRunOutBeforeAnyRuleFired() {
        assertThat(new RuleFault(null, RuleFault.Kind.TIME_BUDGET).describe())
                .isEqualTo("the decision was cut short before any rule fired: time-budget");
    }
}
