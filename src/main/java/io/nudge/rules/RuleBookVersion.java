package io.nudge.rules;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule book that served: its version, since when, what brought it ({@code start-up}, {@code watch},
 * {@code api}, {@code rollback}), who asked (the label of the admin token; none for a saved file),
 * the files it changed from the version serving before it, and its number of rules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleBookVersion(String version, Instant servedFrom, String trigger, String by, FileChanges files, int rules) {
}
