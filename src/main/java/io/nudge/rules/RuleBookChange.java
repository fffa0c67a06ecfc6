package io.nudge.rules;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A change to the rules serving, or a refused one: what the audit trail keeps of each load, refusal
 * and rollback. {@code version} is the version loaded, refused or rolled back to; {@code serving}
 * the version serving after it; {@code errors} and {@code failedScenarios} say why a refusal was; {@code rule} names the rule
 * a quarantine took out of the version serving.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleBookChange(Instant at, Action action, String version, String serving, String trigger, String by, FileChanges files,
        Integer errors, Integer failedScenarios, String rule) {

    public enum Action {
        LOADED, REFUSED, ROLLED_BACK, QUARANTINED
    }

    /** The audit line. */
    @Override
    public String toString() {
        if (action == Action.QUARANTINED) {
            return "rules quarantined: rule \"" + rule + "\" of version " + version + " (" + trigger + "); it fires no more until the next reload";
        }
        String what = version == null ? "the rule folder, which could not be checked" : "version " + version;
        return "rules " + action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + what
                + (action == Action.REFUSED ? " (" + errors + " errors, " + failedScenarios + " failed scenarios); "
                        + (serving == null ? "no rule book serves" : serving + " keeps serving") : "")
                + (by == null ? "" : " by " + by) + " (" + trigger + ")"
                + (files == null ? "" : "; " + files);
    }
}
