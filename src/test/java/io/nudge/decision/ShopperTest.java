package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import io.nudge.request.NudgeRequest;
import io.nudge.vocabulary.Shopper;

class ShopperTest {

    @Test
    void shouldWithholdTheIdAndFirstNameFromItsDescription() {
        Shopper shopper = new Shopper("shopper-8841", "Zelindra", Set.of("vip"), new BigDecimal("42.00"), 3, "M", Set.of(), List.of());

        assertThat(shopper.toString()).doesNotContain("shopper-8841", "Zelindra").contains("vip", "42.00");
    }

    @Test
    void shouldWithholdTheShopperOfARequestFromItsDescription() {
        var input = new NudgeRequest.ShopperInput("shopper-8841", "Zelindra", List.of(), null, null, null, List.of(), List.of());

        assertThat(input.toString()).doesNotContain("shopper-8841", "Zelindra");
    }
}
