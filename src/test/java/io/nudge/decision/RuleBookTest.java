package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;


class RuleBookTest {

    @Test
    void shouldRefuseARuleBookWithoutRules() {
        assertThatThrownBy(() -> new RuleBook("v", null, List.of(), Messages.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no rules");
    }
}
