package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopywriterTest {

    @Test
    void shouldAddressTheShopperByFirstName() {
        assertThat(Copywriter.addressed("Ana", "Complete your Hydra routine")).isEqualTo("Ana, complete your Hydra routine");
    }

    @Test
    void shouldLeaveTheMessageAloneWithoutAName() {
        assertThat(Copywriter.addressed(null, "Complete your Hydra routine")).isEqualTo("Complete your Hydra routine");
        assertThat(Copywriter.addressed("  ", "Complete your Hydra routine")).isEqualTo("Complete your Hydra routine");
    }
}
