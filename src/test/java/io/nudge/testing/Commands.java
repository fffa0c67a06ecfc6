package io.nudge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's commands ({@code ./check-rules}, {@code ./lift-report}, the CI review) as their users do. */
public final class Commands {

    /** How a command ended, what it printed on standard output, and on standard error (its log), which a terminal shows too. */
    public record Run(int exit, String out, String err) {
    }

    private Commands() {
    }

    /** Runs {@code command} from folder {@code from} with {@code env} added to the environment; five minutes at most. */
    public static Run run(Path from, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("nudge-command", ".out");
        Path errors = Files.createTempFile("nudge-command", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(from.toFile()).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(output);
        Files.delete(errors);
        // Still in the test's own log, as before.
        System.err.print(err);
        return new Run(process.exitValue(), out, err);
    }
}
