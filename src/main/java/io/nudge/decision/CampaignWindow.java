package io.nudge.decision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.kie.api.definition.rule.Rule;

/**
 * When a rule applies, from its {@code @effective} and {@code @expires} metadata (ISO date-times
 * such as "2027-07-01T00:00Z"), judged against the visit's {@code context.at}. Both ends count
 * as inside; either may be left out.
 */
public record CampaignWindow(Instant effective, Instant expires) {

    public static final String EFFECTIVE = "effective";
    public static final String EXPIRES = "expires";

    /** The rule's window, or null for a rule that always applies. */
    public static CampaignWindow of(Rule rule) {
        Instant effective = instant(rule, EFFECTIVE);
        Instant expires = instant(rule, EXPIRES);
        return effective == null && expires == null ? null : new CampaignWindow(effective, expires);
    }

    public boolean contains(Instant at) {
        return (effective == null || !at.isBefore(effective)) && (expires == null || !at.isAfter(expires));
    }

    private static Instant instant(Rule rule, String key) {
        String value = RuleBook.metadata(rule, key);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("rule \"" + rule.getName() + "\": @" + key + "(\"" + value
                    + "\") is not a date-time such as 2027-07-01T00:00Z");
        }
    }
}
