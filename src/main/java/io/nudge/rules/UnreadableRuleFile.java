package io.nudge.rules;

/** A file of a rule folder that cannot be read as text: which one, and why, in a merchandiser's words. */
public class UnreadableRuleFile extends RuntimeException {

    private final String file;

    UnreadableRuleFile(String file, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
    }

    /** The file, relative to the rule folder (such as {@code scenarios/shipping.yaml}). */
    public String file() {
        return file;
    }
}
