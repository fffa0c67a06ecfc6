package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

    @Test
    void shouldReadADateAsTheWholeDayInTheShopsZone() {
        CampaignWindow sale = CampaignWindow.of("2027-07-01", "2027-07-31", ZoneOffset.UTC);

        assertThat(sale.contains(Instant.parse("2027-07-01T00:00:00Z"))).isTrue();
        assertThat(sale.contains(Instant.parse("2027-07-31T23:59:59.999Z"))).isTrue();
        assertThat(sale.contains(Instant.parse("2027-08-01T00:00:00Z"))).isFalse();
        assertThat(sale.contains(Instant.parse("2027-06-30T23:59:59Z"))).isFalse();
    }

    @Test
    void shouldEndADayAtMidnightWhereTheShopIs() {
        CampaignWindow berlin = CampaignWindow.of(null, "2027-07-31", ZoneId.of("Europe/Berlin"));

        // Midnight in Berlin in summer is 22:00 UTC.
        assertThat(berlin.contains(Instant.parse("2027-07-31T21:59:59Z"))).isTrue();
        assertThat(berlin.contains(Instant.parse("2027-07-31T22:00:00Z"))).isFalse();
    }

    @Test
    void shouldStillTakeAMoment() {
        assertThat(CampaignWindow.of("2027-07-01T09:00+02:00", null, ZoneOffset.UTC).effective())
                .isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
    }

    @Test
    void shouldRefuseAnEndBeforeTheStart() {
        assertThatThrownBy(() -> CampaignWindow.of("2027-08-01", "2027-07-31", ZoneOffset.UTC))
                .hasMessage("@expires(\"2027-07-31\") comes before @effective(\"2027-08-01\")");
    }
}
