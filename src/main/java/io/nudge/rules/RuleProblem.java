package io.nudge.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error or warning in a rule file: where it is and what is wrong. In a DRL file {@code line} and {@code column} count from 1
 * (0 when unknown); in a decision table {@code sheet} and {@code cell} ({@code C12}) say where, and {@code line} is the cell's row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleProblem(String file, String sheet, String cell, int line, int column, String rule, String message) {

    public RuleProblem(String file, int line, int column, String rule, String message) {
        this(file, null, null, line, column, rule, message);
    }

    /** The same problem at a cell of a decision table. */
    RuleProblem at(String sheet, String cell, int row) {
        return new RuleProblem(file, sheet, cell, row, 0, rule, message);
    }

    @Override
    public String toString() {
        String where = cell != null ? ", sheet \"" + sheet + "\", cell " + cell
                : line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
        return file + where + (rule == null ? "" : " rule \"" + rule + "\"") + ": " + message;
    }
}
