package io.nudge.decision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a rule applies, from its {@code @effective} and {@code @expires} metadata (ISO date-times
 * such as "2027-07-01T00:00Z"), judged against the visit's {@code context.at}. Both ends count
 * as inside; either may be left out.
 */
public record CampaignWindow(Instant effective, Instant expires) {

    /** The window of a rule's {@code @effective} and {@code @expires} values, or null for a rule that always applies. */
    static CampaignWindow of(String effective, String expires) {
        Instant from = instant(RuleInfo.EFFECTIVE, effective);
        Instant to = instant(RuleInfo.EXPIRES, expires);
        return from == null && to == null ? null : new CampaignWindow(from, to);
    }

    public boolean contains(Instant at) {
        return (effective == null || !at.isBefore(effective)) && (expires == null || !at.isAfter(expires));
    }

    private static Instant instant(String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("@" + key + "(\"" + value + "\") is not a date-time such as 2027-07-01T00:00Z");
        }
    }
}
