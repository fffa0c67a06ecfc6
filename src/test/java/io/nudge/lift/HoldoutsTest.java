package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HoldoutsTest {

    private static final String RULE = "Free shipping from 35";
    private final Holdouts tenPercent = new Holdouts("salt-1", 10);

    @Test
    void shouldPutTheSameShopperInTheSameGroupEveryTime() {
        IntStream.range(0, 1_000).mapToObj(i -> "shopper-" + i).forEach(id -> {
            boolean first = tenPercent.heldOut(RULE, null, id);
            assertThat(new Holdouts("salt-1", 10).heldOut(RULE, null, id)).isEqualTo(first);
        });
    }

    @Test
    void shouldHoldOutTheConfiguredShareOfTenThousandShoppers() {
        long heldOut = IntStream.range(0, 10_000).filter(i -> tenPercent.heldOut(RULE, null, "shopper-" + i)).count();

        // 10% of 10,000 is 1,000; three standard deviations are 90.
        assertThat(heldOut).isBetween(910L, 1_090L);
    }

    @Test
    void shouldLetARulesOwnShareWinOverTheDefault() {
        long heldOut = IntStream.range(0, 10_000).filter(i -> tenPercent.heldOut(RULE, 50, "shopper-" + i)).count();

        assertThat(heldOut).isBetween(4_850L, 5_150L);
        assertThat(IntStream.range(0, 1_000).noneMatch(i -> tenPercent.heldOut(RULE, 0, "shopper-" + i))).isTrue();
    }

    @Test
    void shouldAssignEachRuleIndependently() {
        long both = IntStream.range(0, 10_000).mapToObj(i -> "shopper-" + i)
                .filter(id -> tenPercent.heldOut(RULE, 50, id) && tenPercent.heldOut("Ten percent off at 75", 50, id)).count();

        assertThat(both).isBetween(2_350L, 2_650L);
    }

    @Test
    void shouldReshuffleTheGroupsWithANewSalt() {
        Holdouts otherSalt = new Holdouts("salt-2", 10);
        long same = IntStream.range(0, 10_000).mapToObj(i -> "shopper-" + i)
                .filter(id -> tenPercent.heldOut(RULE, null, id) && otherSalt.heldOut(RULE, null, id)).count();

        assertThat(same).isBetween(50L, 150L);
    }

    @Test
    void shouldShowEveryNudgeToAShopperWithoutIdOrSession() {
        assertThat(new Holdouts("salt-1", 100).heldOut(RULE, null, null)).isFalse();
    }

    @Test
    void shouldHashTheShopperForEventsWithoutTheIdInIt() {
        assertThat(tenPercent.pseudonym("shopper-8841")).hasSize(16).doesNotContain("8841")
                .isEqualTo(new Holdouts("salt-1", 0).pseudonym("shopper-8841"))
                .isNotEqualTo(new Holdouts("salt-2", 0).pseudonym("shopper-8841"));
    }

    @Test
    void shouldRefuseAShareThatIsNoPercent() {
        assertThatThrownBy(() -> new Holdouts("salt", 101)).hasMessageContaining("nudge.lift.holdout");
    }

    @Test
    void shouldWarnWhileTheSaltIsThePublicDefault() {
        assertThat(HoldoutsFromConfig.saltWarning("nudge")).contains("Set a secret salt");
        assertThat(HoldoutsFromConfig.saltWarning("a-shops-own-secret")).isNull();
    }
}
