package io.nudge.rules;

import java.util.List;
import java.util.Map;

/** The rule files, tables and translations a version added, edited and removed, against the version before it. */
public record FileChanges(List<String> added, List<String> edited, List<String> removed) {

    /** What changed from the files {@code before} to the files {@code after}, each by name with a hash of its content. */
    static FileChanges between(Map<String, String> before, Map<String, String> after) {
        return new FileChanges(
                after.keySet().stream().filter(file -> !before.containsKey(file)).sorted().toList(),
                after.keySet().stream().filter(file -> before.containsKey(file) && !before.get(file).equals(after.get(file))).sorted().toList(),
                before.keySet().stream().filter(file -> !after.containsKey(file)).sorted().toList());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "added", added);
        append(text, "edited", edited);
        append(text, "removed", removed);
        return text.isEmpty() ? "no file changed" : text.toString();
    }

    private static void append(StringBuilder text, String change, List<String> files) {
        if (!files.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append(change).append(' ').append(String.join(", ", files));
        }
    }
}
