package io.nudge.decision;

import java.time.ZoneId;
import java.util.Set;

import io.nudge.vocabulary.NudgeType;

import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule of a rule book as merchandisers wrote it, its metadata read once when the book is
 * built: {@code sheet} and {@code row} only for a decision table's row, {@code window} only for a campaign, {@code holdout} (percent of shoppers) only where
 * the rule sets {@code @holdout}, {@code replaces} only where it sets {@code @replaces}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleInfo(String name, String file, String sheet, Integer row, String description, CampaignWindow window, Integer holdout,
        @JsonIgnore String replaces, Integer priority, String group, Integer limit, @JsonIgnore String named) {

    /** Rule metadata Nudge reads: {@code @description("...")}, {@code @replaces("rule or group name")}, {@code @holdout(10)}. */
    public static final String DESCRIPTION = "description";
    public static final String REPLACES = "replaces";
    public static final String HOLDOUT = "holdout";
    /** A campaign's first and last days or moments, {@code @effective("2027-07-01")} and {@code @expires("2027-07-31")}. */
    public static final String EFFECTIVE = "effective";
    public static final String EXPIRES = "expires";
    /**
     * Policy: {@code @priority(95)} ranks the rule's nudges (default: their type's), {@code @group("spend goal")}
     * shows at most one nudge of the group, {@code @limit(1)} shows at most that many of the rule's own.
     */
    public static final String PRIORITY = "priority";
    public static final String GROUP = "group";
    public static final String LIMIT = "limit";
    /**
     * Copy: {@code @named("{firstName}, picking up that reel?")} is the message of the rule's nudges for a shopper whose first
     * name is known, where a nudge gives none of its own ({@code toNamedShopper}): how a decision table's row greets by name.
     */
    public static final String NAMED = "named";
    /** Every annotation a rule may carry: any other is a misspelling, such as {@code @expire}, that would be ignored. */
    public static final Set<String> ANNOTATIONS = Set.of(DESCRIPTION, REPLACES, HOLDOUT, EFFECTIVE, EXPIRES, PRIORITY, GROUP, LIMIT, NAMED);

    /** Where a rule is written: its file, and for a decision table's row its sheet and row (else null). */
    public record Source(String file, String sheet, Integer row) {

        /** As a merchandiser would look it up: {@code shipping.drl}, or {@code shipping.drl.xlsx, sheet "Free shipping", row 11}. */
        @Override
        public String toString() {
            return row == null ? file : file + ", sheet \"" + sheet + "\", row " + row;
        }
    }

    /**
     * Reads a compiled rule's metadata, campaign dates in the shop's {@code zone}; an
     * IllegalArgumentException says, in the author's terms, what is wrong with it.
     */
    public static RuleInfo read(Rule rule, Source source, ZoneId zone) {
        Source where = source == null ? new Source(null, null, null) : source;
        return new RuleInfo(rule.getName(), where.file(), where.sheet(), where.row(), metadata(rule, DESCRIPTION),
                CampaignWindow.of(metadata(rule, EFFECTIVE), metadata(rule, EXPIRES), zone),
                holdout(metadata(rule, HOLDOUT)), metadata(rule, REPLACES),
                wholeNumber(PRIORITY, metadata(rule, PRIORITY), 0, 1000, "@priority(95)"), group(metadata(rule, GROUP)),
                wholeNumber(LIMIT, metadata(rule, LIMIT), 1, 100, "@limit(1)"), metadata(rule, NAMED));
    }

    /** Where the rule is written. */
    public Source source() {
        return new Source(file, sheet, row);
    }

    /** The priority of this rule's nudges: its own {@code @priority}, else its type's. */
    public int priorityOf(NudgeType type) {
        return priority != null ? priority : type.priority();
    }

    private static Integer wholeNumber(String key, String value, int min, int max, String example) {
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("@" + key + "(" + value + ") must be a whole number from " + min + " to " + max
                + ", such as " + example);
    }

    private static String group(String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("@group(\"\") needs a name, such as @group(\"spend goal\")");
        }
        return value == null ? null : value.strip();
    }

    private static Integer holdout(String value) {
        if (value == null) {
            return null;
        }
        try {
            int percent = Integer.parseInt(value.strip());
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("@holdout(" + value + ") must be a whole percent from 0 to 100, such as @holdout(10)");
    }

    /** A metadata value, without the quotes DRL keeps around string values; null when absent. */
    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
