package io.nudge.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a rule applies, from its {@code @effective} and {@code @expires} metadata, judged against
 * the visit's {@code context.at}. Each is a date such as "2027-07-31", meaning the whole day in
 * the shop's time zone (from its first moment for {@code @effective}, through its last for
 * {@code @expires}), or a moment such as "2027-07-01T00:00Z". Both ends count as inside;
 * either may be left out.
 */
public record CampaignWindow(Instant effective, Instant expires) {

    /** The window of a rule's {@code @effective} and {@code @expires} values, or null for a rule that always applies. */
    static CampaignWindow of(String effective, String expires, ZoneId zone) {
        Instant from = moment(RuleInfo.EFFECTIVE, effective, zone, false);
        Instant to = moment(RuleInfo.EXPIRES, expires, zone, true);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("@expires(\"" + expires + "\") comes before @effective(\"" + effective + "\")");
        }
        return from == null && to == null ? null : new CampaignWindow(from, to);
    }

    public boolean contains(Instant at) {
        return (effective == null || !at.isBefore(effective)) && (expires == null || !at.isAfter(expires));
    }

    private static Instant moment(String key, String value, ZoneId zone, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAMoment) {
            try {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1) : day.atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADay) {
                throw new IllegalArgumentException("@" + key + "(\"" + value + "\") is neither a date such as 2027-07-31"
                        + " nor a moment such as 2027-07-31T18:00Z");
            }
        }
    }
}
