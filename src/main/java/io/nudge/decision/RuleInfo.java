package io.nudge.decision;

import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule of the active rule book, as merchandisers wrote it; {@code window} only for a
 * campaign, {@code holdout} (percent of shoppers) only where the rule sets {@code @holdout}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleInfo(String name, String file, String description, CampaignWindow window, Integer holdout) {

    /** The rule's {@code @holdout(percent)}, or null when it sets none. */
    public static Integer holdoutOf(Rule rule) {
        String value = RuleBook.metadata(rule, RuleBook.HOLDOUT);
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
}
