package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.nudge.testing.ScratchRules;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The merchandiser's mistakes in {@code mistakes/corpus.yaml}: each is refused with the file, the
 * line that was edited and a plain sentence; never an exception, a stack frame or a generated name.
 */
@QuarkusTest
class MistakeCorpusTest {

    static final Path FOLDER = ScratchRules.folder("mistakes");
    /** What a merchandiser must never read: Java's exceptions, stack frames, generated class or method names. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|\\$u\\d|Rule_|\\w+\\$\\w+|org\\.drools|`|\\bjava\\.\\w+\\.[A-Z]|io\\.nudge\\.(?!vocabulary\\b)\\w+\\.[A-Z]");

    record Mistake(String mistake, String file, int line, String find, String with, String says) {

        @Override
        public String toString() {
            return mistake;
        }
    }

    @Inject
    RuleCheck check;

    static List<Mistake> corpus() throws IOException {
        return Arrays.asList(new YAMLMapper().readValue(MistakeCorpusTest.class.getResource("/mistakes/corpus.yaml"), Mistake[].class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRefuseTheMistakeAtItsLine(Mistake mistake) throws IOException {
        ScratchRules.reset(FOLDER);
        Path file = FOLDER.resolve(mistake.file());
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String line = lines.get(mistake.line() - 1);
        assertThat(line).as("line %d of %s", mistake.line(), mistake.file()).contains(mistake.find());
        lines.set(mistake.line() - 1, line.replace(mistake.find(), mistake.with()));
        Files.write(file, lines);

        CheckReport report = check.check(FOLDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(report.passed()).as(printed).isFalse();
        String at = mistake.file() + ":" + mistake.line();
        assertThat(printed.lines().filter(l -> l.contains(at + ":") || l.contains(at + " ")))
                .as(printed).anySatisfy(l -> assertThat(l).contains(mistake.says()));
        assertThat(printed).as(printed).doesNotContainPattern(LEAK);
    }
}
