package io.nudge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.nudge.testing.TestRuleBook;

/** The shape of the code: packages without cycles, and a vocabulary for rules that holds nothing else. */
class ArchitectureTest {

    private static final String VOCABULARY = "io.nudge.vocabulary";
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nudge");
    private static final Pattern NUDGE_IMPORT = Pattern.compile("^import\\s+(?:function\\s+)?(io\\.nudge\\.[\\w.*]+)", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^global\\s+(io\\.nudge\\.[\\w.]+)", Pattern.MULTILINE);

    @Test
    void shouldHaveNoPackageThatImportsAPackageImportingItBack() {
        slices().matching("io.nudge.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void shouldKeepTheVocabularyFreeOfEngineResourceAndConfigurationClasses() {
        classes().that().resideInAPackage(VOCABULARY)
                .should().onlyDependOnClassesThat().resideInAnyPackage(VOCABULARY, "java..")
                .check(SERVICE);
    }

    @Test
    void shouldLetRuleFilesImportOnlyTheVocabulary() throws IOException {
        for (Path folder : List.of(Path.of("rules"), TestRuleBook.FOLDER, Path.of("src/test/resources/faulty-rules"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path drl : files.filter(file -> file.toString().endsWith(".drl")).toList()) {
                    String text = Files.readString(drl);
                    Stream.of(NUDGE_IMPORT.matcher(text), GLOBAL.matcher(text)).flatMap(Matcher::results)
                            .forEach(used -> assertThat(used.group(1)).as("%s imports", drl).startsWith(VOCABULARY + "."));
                }
            }
        }
    }

    @Test
    void shouldListExactlyTheVocabularyInTheMerchandisersGuide() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        String table = guide.substring(guide.indexOf("## What rules can use"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Set<String> listed = Pattern.compile("^\\| `(\\w+)`", Pattern.MULTILINE).matcher(table).results()
                .map(row -> row.group(1)).collect(Collectors.toSet());

        Set<String> vocabulary = SERVICE.stream().filter(type -> type.getPackageName().equals(VOCABULARY))
                .filter(JavaClass::isTopLevelClass).map(JavaClass::getSimpleName).collect(Collectors.toSet());

        assertThat(listed).isEqualTo(vocabulary);
    }
}
