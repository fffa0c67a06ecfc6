package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CampaignWindowTest {

    private final CampaignWindow july = new CampaignWindow(Instant.parse("2027-07-01T00:00:00Z"), Instant.parse("2027-07-31T23:59:00Z"));

    @Test
    void shouldHoldBothEnds() {
        assertThat(july.contains(Instant.parse("2027-07-01T00:00:00Z"))).isTrue();
        assertThat(july.contains(Instant.parse("2027-07-31T23:59:00Z"))).isTrue();
    }

    @Test
    void shouldNotHoldOutside() {
        assertThat(july.contains(Instant.parse("2027-06-30T23:59:59Z"))).isFalse();
        assertThat(july.contains(Instant.parse("2027-07-31T23:59:01Z"))).isFalse();
    }

    @Test
    void shouldBeOpenEndedWhenAnEndIsLeftOut() {
        assertThat(new CampaignWindow(Instant.parse("2027-07-01T00:00:00Z"), null).contains(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
        assertThat(new CampaignWindow(null, Instant.parse("2027-07-01T00:00:00Z")).contains(Instant.parse("2000-01-01T00:00:00Z"))).isTrue();
    }
}
