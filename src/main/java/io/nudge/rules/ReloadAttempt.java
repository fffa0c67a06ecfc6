package io.nudge.rules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reload: what started it, when, the version it read, and whether it went live; a refused one says why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReloadAttempt(String trigger, Instant at, String version, Result result, List<RuleProblem> errors,
        List<ScenarioCheck.Outcome> failedScenarios) {

    public enum Result {
        /** The new rules passed the check and now serve. */
        LOADED,
        /** The folder holds the rules already serving. */
        UNCHANGED,
        /** The new rules failed the check; the rules before them still serve. */
        REFUSED,
        /**
         * A rollback came while the rules were checked: the later command wins, so the rollback's book serves and this
         * reload did nothing. Reload again to serve the folder.
         */
        SUPERSEDED
    }

    static ReloadAttempt of(String trigger, CheckReport report, Result result) {
        return new ReloadAttempt(trigger, Instant.now(), report.version(), result, report.errors(), report.failedScenarios());
    }
}
