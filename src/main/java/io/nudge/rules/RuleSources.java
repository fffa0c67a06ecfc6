package io.nudge.rules;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.nudge.decision.Messages;
import io.nudge.decision.RuleInfo;

/**
 * The files of a rule book by file name: {@code files} holds the DRL files and the translations, and {@code tables} the decision tables, which decide; {@code scenarios} the files
 * of {@code scenarios/}, which check them.
 */
public record RuleSources(SortedMap<String, String> files, SortedMap<String, String> scenarios, SortedMap<String, DecisionTable> tables) {

    public RuleSources(SortedMap<String, String> files, SortedMap<String, String> scenarios) {
        this(files, scenarios, new TreeMap<>());
    }

    public static final String SCENARIOS = "scenarios";
    public static final String MESSAGES = "messages";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w*}");

    /** The rule book compiled into the service: the copy of {@code rules/} on the classpath, found by the index the build writes. */
    public static RuleSources fromClasspath() {
        URL index = Thread.currentThread().getContextClassLoader().getResource("rules/" + DecisionTable.GENERATED + "/" + DecisionTable.INDEX);
        if (index == null) {
            throw new IllegalStateException("No rule book on the classpath: rules/" + DecisionTable.GENERATED + "/" + DecisionTable.INDEX
                    + " is missing; build with ./mvnw package");
        }
        try {
            URI uri = index.toURI();
            try {
                return fromFolder(Path.of(uri).getParent().getParent());
            } catch (FileSystemNotFoundException archiveNotOpen) {
                try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromFolder(archive.provider().getPath(uri).getParent().getParent());
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("The rule book on the classpath cannot be read", e);
        }
    }

    /**
     * The rule files of {@code folder}: *.drl, *.drl.xlsx, messages/*.yaml and scenarios/*.yaml. A file that cannot be read as UTF-8 text, or a table that
     * cannot be read as one, stops it with {@link UnreadableRuleFile}.
     */
    public static RuleSources fromFolder(Path folder) {
        return fromFolder(folder, true);
    }

    /** The version the files of {@code folder} would have, without reading its tables as tables: cheap enough for start-up. */
    public static String versionOf(Path folder) {
        return fromFolder(folder, false).version();
    }

    private static RuleSources fromFolder(Path folder, boolean readTables) {
        Path scenarios = folder.resolve(SCENARIOS);
        Path messages = folder.resolve(MESSAGES);
        SortedMap<String, String> files = read(folder, "", name -> name.endsWith(".drl"));
        if (Files.isDirectory(messages)) {
            read(messages, MESSAGES + "/", RuleSources::isYaml).forEach((name, text) -> files.put(MESSAGES + "/" + name, text));
        }
        return new RuleSources(files, Files.isDirectory(scenarios) ? read(scenarios, SCENARIOS + "/", RuleSources::isYaml) : new TreeMap<>(),
                tables(folder, readTables));
    }

    /** The decision tables of {@code folder}, but not the lock files spreadsheet programs keep beside an open one ({@code ~$...}). */
    private static SortedMap<String, DecisionTable> tables(Path folder, boolean read) {
        SortedMap<String, DecisionTable> tables = new TreeMap<>();
        listed(folder, "").stream()
                .filter(path -> path.getFileName().toString().endsWith(DecisionTable.EXTENSION) && !path.getFileName().toString().startsWith("~$")
                        && Files.isRegularFile(path))
                .forEach(path -> tables.put(path.getFileName().toString(), table(path, read)));
        return tables;
    }

    /** A table, from the DRL the build keeps of it when that is of these very bytes, else from the spreadsheet. */
    private static DecisionTable table(Path path, boolean read) {
        String name = path.getFileName().toString();
        try {
            byte[] content = Files.readAllBytes(path);
            if (!read) {
                return DecisionTable.unread(name, content);
            }
            Path generated = path.resolveSibling(DecisionTable.GENERATED).resolve(name + ".txt");
            Optional<DecisionTable> built = Files.isRegularFile(generated)
                    ? DecisionTable.fromGenerated(name, content, Files.readString(generated, StandardCharsets.UTF_8))
                    : Optional.empty();
            return built.orElseGet(() -> DecisionTable.read(name, content));
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static List<Path> listed(Path folder, String prefix) {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.toList();
        } catch (IOException e) {
            throw new UnreadableRuleFile(prefix.isEmpty() ? folder.toString() : prefix, "the folder cannot be listed", e);
        }
    }

    private static UnreadableRuleFile unreadable(String name, IOException e) {
        return new UnreadableRuleFile(name, e instanceof AccessDeniedException
                ? "cannot be read: the service is not allowed to read it" : "cannot be read", e);
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * The translations of {@code messages/}: one file per language, named by its tag
     * ({@code de.yaml}, {@code de-AT.yaml}), each mapping the rules' texts to their translations.
     * What cannot be read is added to {@code problems} with its file and line.
     */
    public Messages messages(List<RuleProblem> problems) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        files.forEach((name, text) -> {
            if (!name.startsWith(MESSAGES + "/")) {
                return;
            }
            String tag = name.substring(MESSAGES.length() + 1).replaceFirst("\\.ya?ml$", "");
            Locale language = Locale.forLanguageTag(tag);
            if (!language.toLanguageTag().equalsIgnoreCase(tag) || !LANGUAGES.contains(language.getLanguage())) {
                problems.add(new RuleProblem(name, 0, 0, null, "is not named after a language: name it de.yaml, fr.yaml or de-AT.yaml"));
                return;
            }
            try {
                Map<String, String> translations = text.isBlank() ? null
                        : YAML.readValue(text, YAML.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class));
                Map<String, String> usable = new TreeMap<>();
                (translations == null ? Map.<String, String>of() : translations).forEach((original, translated) -> {
                    int line = lineOf(text, 1, original);
                    if (translated == null || translated.isBlank()) {
                        problems.add(new RuleProblem(name, line, 0, null, "\"" + original + "\" has no translation after the colon"));
                    } else if (!placeholdersOf(original).containsAll(placeholdersOf(translated))) {
                        problems.add(new RuleProblem(name, line, 0, null, "the translation of \"" + original
                                + "\" uses a placeholder the rule's text does not, which Nudge would leave unfilled"));
                    } else {
                        usable.put(original, translated);
                    }
                });
                if (byLanguage.putIfAbsent(tag.toLowerCase(Locale.ROOT), usable) != null) {
                    problems.add(new RuleProblem(name, 0, 0, null, "is a second file for language " + tag + ": keep one"));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(new RuleProblem(name, at == null ? 0 : at.getLineNr(), 0, null, "cannot be read: write one line per"
                        + " message, the rules' text and its translation, each in double quotes: \"Add {remaining} more\": \"Noch {remaining}\""));
            }
        });
        return new Messages(byLanguage);
    }

    private static SortedMap<String, String> read(Path folder, String prefix, Predicate<String> wanted) {
        SortedMap<String, String> files = new TreeMap<>();
        for (Path path : listed(folder, prefix)) {
            String name = path.getFileName().toString();
            if (wanted.test(name) && Files.isRegularFile(path)) {
                try {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                } catch (CharacterCodingException e) {
                    throw new UnreadableRuleFile(prefix + name, "is not UTF-8 text: save it as UTF-8", e);
                } catch (IOException e) {
                    throw unreadable(prefix + name, e);
                }
            }
        }
        return files;
    }

    /** The scenario files, parsed; each file that cannot be read is added to {@code problems} instead. */
    public List<ScenarioFile> scenarioFiles(List<RuleProblem> problems) {
        List<ScenarioFile> parsed = new ArrayList<>();
        scenarios.forEach((name, yaml) -> {
            try {
                parsed.add(ScenarioFile.parse(name, yaml));
            } catch (UnrecognizedPropertyException e) {
                // The parser is past the key by now: point at the line that holds it.
                int line = lineOf(yaml, 1, e.getPropertyName() + ":");
                problems.add(new RuleProblem(SCENARIOS + "/" + name, line, 0, null, "cannot be read: unknown key \""
                        + e.getPropertyName() + "\"; known here: " + e.getKnownPropertyIds()));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(new RuleProblem(SCENARIOS + "/" + name, at == null ? 0 : at.getLineNr(),
                        at == null ? 0 : at.getColumnNr(), null, "cannot be read: " + plainly(e)));
            } catch (IOException e) {
                problems.add(new RuleProblem(SCENARIOS + "/" + name, 0, 0, null, "cannot be read: " + e.getMessage()));
            }
        });
        return parsed;
    }

    /** What is wrong with a scenario file, in the merchandiser's terms: the key and the value, never a Java type. */
    private static String plainly(JsonProcessingException e) {
        String key = e instanceof MismatchedInputException mismatch ? mismatch.getPath().stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .reduce("", String::concat).replaceFirst("^\\.", "") : "";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return key + ": \"" + invalid.getValue() + "\" is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && Number.class.isAssignableFrom(invalid.getTargetType())) {
            return key + ": \"" + invalid.getValue() + "\" is not a number";
        }
        if (e instanceof MismatchedInputException) {
            return key + ": this value does not have the form expected here (a text, a number, a list or a map)";
        }
        return "this line is not valid YAML: check its indentation against the lines above, and put a text that holds \": \" in quotes";
    }

    /** The line of scenario file {@code file} that names {@code scenario}; 0 when not found. */
    int lineOfScenario(String file, String scenario) {
        return scenario == null || scenario.isBlank() || !scenarios.containsKey(file) ? 0 : lineOf(scenarios.get(file), 1, scenario);
    }

    private static Set<String> placeholdersOf(String text) {
        return PLACEHOLDER.matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    /** The first line of scenario file {@code file}, from line {@code from} on, that holds {@code wanted}; 0 when none does. */
    int lineInScenarios(String file, int from, String wanted) {
        return lineOf(scenarios.get(file), from, wanted);
    }

    /** The first line of {@code text}, from line {@code from} on, that holds {@code wanted}; 0 when none does. */
    static int lineOf(String text, int from, String wanted) {
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
            if (lines[i].contains(wanted)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The DRL of every rule file: the .drl files as written, each decision table as the DRL generated from it. */
    public SortedMap<String, String> drl() {
        SortedMap<String, String> drl = new TreeMap<>(files);
        drl.keySet().removeIf(name -> !name.endsWith(".drl"));
        tables.forEach((name, table) -> drl.put(name, table.drl()));
        return drl;
    }

    /** Where each rule is written: its file, and for a table row its sheet and row. */
    public Map<String, RuleInfo.Source> sourceOfEachRule() {
        Map<String, RuleInfo.Source> sources = new HashMap<>();
        drl().forEach((file, text) -> RuleIndex.parse(text).rules().forEach(rule -> sources.put(rule.getName(), sourceOf(file, rule.getName()))));
        return sources;
    }

    /** Where rule {@code rule} of {@code file} is written. */
    RuleInfo.Source sourceOf(String file, String rule) {
        DecisionTable table = tables.get(file);
        return table == null ? new RuleInfo.Source(file, null, null) : table.rowOf(rule)
                .map(row -> new RuleInfo.Source(file, table.sheet(), row.row())).orElse(new RuleInfo.Source(file, null, null));
    }

    /** A problem found in the DRL of {@code drl()}: in a table, told by sheet and cell instead of generated line. */
    RuleProblem located(RuleProblem problem) {
        DecisionTable table = problem.cell() == null ? tables.get(problem.file()) : null;
        return table == null ? problem : table.located(problem);
    }

    /** A short hash of every file's name and content: changes whenever any rule, table or translation does. */
    public String version() {
        MessageDigest sha = sha256();
        forEachContent((name, content) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    }

    /** Each rule file, table and translation by name, with a hash of its content: what tells which files a new version changed. */
    public SortedMap<String, String> fingerprints() {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        forEachContent((name, content) -> fingerprints.put(name, HexFormat.of().formatHex(sha256().digest(content))));
        return fingerprints;
    }

    /** The name and bytes of each rule file and translation, then of each table: the order {@link #version()} hashes them in. */
    private void forEachContent(BiConsumer<String, byte[]> action) {
        files.forEach((name, content) -> action.accept(name, content.getBytes(StandardCharsets.UTF_8)));
        tables.forEach((name, table) -> action.accept(name, table.content()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
