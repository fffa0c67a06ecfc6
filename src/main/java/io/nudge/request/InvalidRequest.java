package io.nudge.request;

import java.util.List;

/** A request with fields at fault: answered 400, naming each. */
public class InvalidRequest extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        // A refusal is an answer, not a fault: no stack trace to fill on every bad cart.
        super(problems.size() + " fields are invalid", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
