package io.nudge.rules;

/** A file of a rule folder that cannot be read: which one (and in a table which sheet and cell, when known), and why, in a merchandiser's words. */
public class UnreadableRuleFile extends RuntimeException {

    private final transient RuleProblem problem;

    UnreadableRuleFile(String file, String reason, Throwable cause) {
        this(new RuleProblem(file, 0, 0, null, reason), cause);
    }

    UnreadableRuleFile(RuleProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    /** The file, relative to the rule folder (such as {@code scenarios/shipping.yaml}). */
    public String file() {
        return problem.file();
    }

    /** What is wrong, where. */
    public RuleProblem problem() {
        return problem;
    }
}
