package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nudge.catalog.ProductCatalog;

class RuleBookTest {

    @Test
    void shouldRefuseARuleBookWithoutRules() {
        assertThatThrownBy(() -> new RuleBook("v", null, new ProductCatalog(List.of()), List.of(), Messages.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no rules");
    }
}
