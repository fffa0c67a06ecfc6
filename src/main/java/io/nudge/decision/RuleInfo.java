package io.nudge.decision;

import java.time.ZoneId;
import java.util.Set;

import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule of a rule book as merchandisers wrote it, its metadata read once when the book is
 * built: {@code window} only for a campaign, {@code holdout} (percent of shoppers) only where
 * the rule sets {@code @holdout}, {@code replaces} only where it sets {@code @replaces}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleInfo(String name, String file, String description, CampaignWindow window, Integer holdout,
        @JsonIgnore String replaces) {

    /** Rule metadata Nudge reads: {@code @description("...")}, {@code @replaces("rule name")}, {@code @holdout(10)}. */
    public static final String DESCRIPTION = "description";
    public static final String REPLACES = "replaces";
    public static final String HOLDOUT = "holdout";
    /** A campaign's first and last days or moments, {@code @effective("2027-07-01")} and {@code @expires("2027-07-31")}. */
    public static final String EFFECTIVE = "effective";
    public static final String EXPIRES = "expires";
    /** Every annotation a rule may carry: any other is a misspelling, such as {@code @expire}, that would be ignored. */
    public static final Set<String> ANNOTATIONS = Set.of(DESCRIPTION, REPLACES, HOLDOUT, EFFECTIVE, EXPIRES);

    /**
     * Reads a compiled rule's metadata, campaign dates in the shop's {@code zone}; an
     * IllegalArgumentException says, in the author's terms, what is wrong with it.
     */
    public static RuleInfo read(Rule rule, String file, ZoneId zone) {
        return new RuleInfo(rule.getName(), file, metadata(rule, DESCRIPTION),
                CampaignWindow.of(metadata(rule, EFFECTIVE), metadata(rule, EXPIRES), zone),
                holdout(metadata(rule, HOLDOUT)), metadata(rule, REPLACES));
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
