package io.nudge.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error or warning in a rule file: where it is (line and column count from 1; 0 when unknown) and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleProblem(String file, int line, int column, String rule, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
                + (rule == null ? "" : " rule \"" + rule + "\"") + ": " + message;
    }
}
