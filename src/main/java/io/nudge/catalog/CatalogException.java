package io.nudge.catalog;

import java.util.List;

/** Catalog files that cannot be read, with each file and line a merchandiser should look at (line 0 when unknown). */
public class CatalogException extends RuntimeException {

    /** One thing wrong, where it is. */
    public record RowProblem(String file, int line, String message) {
    }

    private final List<RowProblem> problems;

    CatalogException(List<RowProblem> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    CatalogException(String file, int line, String message) {
        this(List.of(new RowProblem(file, line, message)));
    }

    /** Every problem found, in file order. */
    public List<RowProblem> problems() {
        return problems;
    }

    public String file() {
        return problems.get(0).file();
    }

    public int line() {
        return problems.get(0).line();
    }
}
