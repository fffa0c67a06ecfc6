package io.nudge.catalog;

import java.util.List;

/** A catalog that cannot serve, with each file, line and column to look at (0 when unknown). */
public class CatalogException extends RuntimeException {

    /** One thing wrong, where it is: {@code column} counts from 1 along the header, and {@code attribute} names it. */
    public record RowProblem(String file, int line, int column, String attribute, String message) {

        RowProblem(String file, int line, String message) {
            this(file, line, 0, null, message);
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ", line " + line : "") + (column > 0 ? ", column " + column : "")
                    + (attribute != null ? " (" + attribute + ")" : "") + ": " + message;
        }
    }

    private final List<RowProblem> problems;

    CatalogException(List<RowProblem> problems) {
        super(problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    CatalogException(String file, int line, String message) {
        this(List.of(new RowProblem(file, line, message)));
    }

    /** Every problem found, in file order. */
    public List<RowProblem> problems() {
        return problems;
    }
}
