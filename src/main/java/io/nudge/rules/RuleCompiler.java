package io.nudge.rules;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.jci.CompilationProblem;

import io.nudge.decision.Messages;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;

/**
 * Compiles a rule book at run time. The classic DRL compiler finds the errors, because it
 * reports file, line and column for every one (the executable-model compiler loses the line of
 * a misspelled property); the executable model then builds what serves, as the build does.
 */
public final class RuleCompiler {

    /** What compiling gave: the rule book, or the errors that stopped it; warnings either way. */
    public record Compilation(RuleBook book, List<RuleProblem> errors, List<RuleProblem> warnings) {

        public boolean compiled() {
            return book != null;
        }
    }

    private static final Pattern LINE_AND_COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]|Line (\\d+):(\\d+)");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("unable to resolve method using strict-mode: [\\w.$]*?(\\w+)\\.(\\w+)\\(\\)");
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"([^\"]+)\"");
    private static final Pattern TEXT_COMPARED = Pattern.compile("([\\w.]+)\\s*(>=|<=|>|<)\\s*\"([^\"]*)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern ANNOTATION_NAMED = Pattern.compile("^@(\\w+)\\b");
    private static final Pattern IMPORT_FAILED = Pattern.compile("(?:Error importing : '|The import )([\\w.$*]+)");
    /** Lines of the generated consequence method before the first line after "then": its signature and two declarations. */
    private static final int ACTIONS_AFTER_OFFSET = 3;
    /** Java's and the parser's words for common mistakes, and the merchandiser's. */
    private static final Map<Pattern, String> PLAINLY = orderedMap(
            "^The method (\\w+)\\(.*\\) is undefined.*$", "$1(...) is not a helper the rules know: check its spelling and its import function line",
            "^(\\$?\\w+) cannot be resolved to a variable$", "$1 is not a name this rule's conditions bind: check its spelling",
            "^(\\$?[\\w.]+) cannot be resolved( to a type)?$", "$1 is not known here: check its spelling",
            "^Syntax error, insert \"(.+)\" to complete \\w+$", "a $1 is missing on this line",
            "^Syntax error on token \"(.+)\", (.+)$", "\"$1\" does not belong here: $2",
            "^mismatched input '='.*$", "a single = is not a comparison: compare with ==",
            "^mismatched input '(.+)'.*$", "\"$1\" is not expected here: check this line against the rules around it",
            "^no viable alternative at input '(.+)'.*$", "\"$1\" is not expected here: check this line against the rules around it",
            "^extraneous input '(.+)'.*$", "\"$1\" is one too many here");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String PACKAGE_FOLDER = "src/main/resources/nudge/";

    private final ZoneId zone;

    private static Map<Pattern, String> orderedMap(String... patternsAndPhrases) {
        Map<Pattern, String> map = new LinkedHashMap<>();
        for (int i = 0; i < patternsAndPhrases.length; i += 2) {
            map.put(Pattern.compile(patternsAndPhrases[i]), patternsAndPhrases[i + 1]);
        }
        return map;
    }

    /** Reads campaign dates in the shop's time zone. */
    public RuleCompiler(ZoneId zone) {
        this.zone = zone;
    }

    /** Reads campaign dates in UTC. */
    public RuleCompiler() {
        this(ZoneOffset.UTC);
    }

    /** True where rules can be compiled at run time: the JVM build, not the native binary. */
    public static boolean available() {
        try {
            Class.forName("org.drools.wiring.dynamic.DynamicProjectClassLoader", false, RuleCompiler.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public Compilation compile(RuleSources sources) {
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, RuleIndex> indexes = new HashMap<>();
        Map<String, RuleInfo.Source> sourceOfRule = new HashMap<>();
        sources.drl().forEach((file, text) -> {
            RuleIndex index = RuleIndex.parse(text);
            indexes.put(file, index);
            for (RuleDescr rule : index.rules()) {
                RuleInfo.Source other = sourceOfRule.putIfAbsent(rule.getName(), sources.sourceOf(file, rule.getName()));
                if (other != null) {
                    errors.add(new RuleProblem(file, rule.getLine(), rule.getColumn() + 1, rule.getName(),
                            "another rule has this name, in " + other));
                }
                rule.getAnnotations().stream().filter(annotation -> !RuleInfo.ANNOTATIONS.contains(annotation.getName()))
                        .forEach(annotation -> errors.add(new RuleProblem(file, RuleSources.lineOf(text, rule.getLine(), "@" + annotation.getName()),
                                0, rule.getName(), "@" + annotation.getName() + " is not an annotation Nudge reads; those it reads are @"
                                        + String.join(", @", new TreeSet<>(RuleInfo.ANNOTATIONS)))));
                if (rule.getAnnotation(RuleInfo.DESCRIPTION) == null) {
                    warnings.add(new RuleProblem(file, rule.getLine(), rule.getColumn() + 1, rule.getName(), sources.tables().containsKey(file)
                            ? "has no description saying what it does: give the table a METADATA column description(\"$param\")"
                            : "has no @description(\"...\") saying what it does"));
                }
            }
        });
        if (sourceOfRule.isEmpty()) {
            errors.add(new RuleProblem("rules", 0, 0, null, sources.drl().isEmpty() ? "no .drl file or decision table"
                    : "no rule in any .drl file or decision table"));
        }
        Messages messages = sources.messages(errors);
        sources.drl().forEach((file, text) -> {
            DrlLint.Findings lint = DrlLint.check(file, text);
            errors.addAll(lint.errors());
            warnings.addAll(lint.warnings());
        });
        errors.addAll(DrlLint.translations(sources));
        errors.addAll(diagnose(sources, indexes));
        KieBase kieBase = errors.isEmpty() ? buildExecutableModel(sources, indexes, errors) : null;
        List<RuleInfo> rules = kieBase == null ? List.of() : RuleBooks.read(kieBase, sourceOfRule, zone, (rule, problem) ->
                errors.add(problemOf(sourceOfRule.get(rule.getName()).file(), indexes, rule.getName(), problem, sources)));
        Set<String> groups = rules.stream().map(RuleInfo::group).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> replaces = new HashMap<>();
        rules.stream().filter(rule -> rule.replaces() != null).forEach(rule -> replaces.put(rule.name(), rule.replaces()));
        for (RuleInfo rule : rules) {
            if (rule.replaces() != null && !sourceOfRule.containsKey(rule.replaces()) && !groups.contains(rule.replaces())) {
                errors.add(problemOf(rule.file(), indexes, rule.name(), "@replaces(\"" + rule.replaces() + "\") names no rule and no group", sources));
            }
            List<String> cycle = replacementCycle(rule.name(), replaces);
            if (!cycle.isEmpty()) {
                errors.add(problemOf(rule.file(), indexes, rule.name(), "@replaces goes round in a circle, so each of these rules"
                        + " would silence the other: " + String.join(" replaces ", cycle), sources));
            }
        }
        // A table snippet's mistake is in every row's rule, and told once, at the snippet's cell.
        List<RuleProblem> locatedErrors = errors.stream().map(sources::located).distinct().toList();
        List<RuleProblem> locatedWarnings = warnings.stream().map(sources::located).distinct().toList();
        if (!errors.isEmpty()) {
            return new Compilation(null, locatedErrors, locatedWarnings);
        }
        return new Compilation(new RuleBook(sources.version(), kieBase, rules, messages), locatedErrors, locatedWarnings);
    }

    /** The rules from {@code rule} back to itself through @replaces, or nothing when the chain ends. */
    private static List<String> replacementCycle(String rule, Map<String, String> replaces) {
        List<String> chain = new ArrayList<>(List.of(rule));
        for (String next = replaces.get(rule); next != null && chain.size() <= replaces.size(); next = replaces.get(next)) {
            chain.add(next);
            if (next.equals(rule)) {
                return chain;
            }
        }
        return List.of();
    }

    /** A problem with a rule: at the line of the annotation it names, such as {@code @replaces(...)}, or else where the rule starts. */
    private static RuleProblem problemOf(String file, Map<String, RuleIndex> indexes, String rule, String message, RuleSources sources) {
        RuleDescr descr = indexes.get(file).rule(rule);
        Matcher annotation = ANNOTATION_NAMED.matcher(message);
        if (annotation.find()) {
            String[] lines = sources.drl().get(file).split("\\R", -1);
            for (int line = descr.getLine(); line <= Math.min(descr.getEndLine(), lines.length); line++) {
                if (lines[line - 1].contains("@" + annotation.group(1))) {
                    return new RuleProblem(file, line, 0, rule, message);
                }
            }
        }
        return new RuleProblem(file, descr.getLine(), descr.getColumn() + 1, rule, message);
    }

    /** Every error the classic compiler finds, located and put in the merchandiser's terms. */
    private static List<RuleProblem> diagnose(RuleSources sources, Map<String, RuleIndex> indexes) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        sources.drl().forEach((file, text) -> builder.add(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(file), ResourceType.DRL));
        List<RuleProblem> errors = new ArrayList<>();
        Set<String> unparsed = new HashSet<>();
        Set<String> unimported = new HashSet<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            String file = result.getResource() == null ? "rules" : result.getResource().getSourcePath();
            if (result.getMessage().startsWith("Parser returned a null Package") || result.getMessage().startsWith("Duplicate rule name")) {
                continue; // follows a syntax error, or a name used twice, each reported in words of our own
            }
            if (result instanceof ParserError && sources.drl().containsKey(file)) {
                // The parser often stops far from the mistake (an unclosed text at the end of the file): read the file for it.
                Optional<RuleProblem> mistake = DrlLint.syntaxMistake(file, sources.drl().get(file));
                if (mistake.isPresent()) {
                    if (unparsed.add(file)) {
                        errors.add(mistake.get());
                    }
                    continue;
                }
            }
            Matcher imported = IMPORT_FAILED.matcher(result.getMessage());
            if (imported.find()) {
                // Once at the import's own line, not again in every rule of the file.
                if (result.getMessage().startsWith("Error importing") && unimported.add(file + imported.group(1))) {
                    errors.add(new RuleProblem(file, RuleSources.lineOf(sources.drl().get(file), 1, imported.group(1)), 0, null,
                            "import " + imported.group(1) + " names nothing that exists: check its spelling"));
                }
                continue;
            }
            errors.add(located(result, file, sources.drl().get(file), indexes.get(file)));
        }
        return errors;
    }

    /** A compiler error at its line: an action's Java error at the action's line, not the rule's first. */
    private static RuleProblem located(KnowledgeBuilderResult result, String file, String text, RuleIndex index) {
        int[] lines = result.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int column = 0;
        Matcher at = LINE_AND_COLUMN.matcher(result.getMessage());
        if (at.find()) {
            line = Integer.parseInt(at.group(1) != null ? at.group(1) : at.group(3));
            column = Integer.parseInt(at.group(2) != null ? at.group(2) : at.group(4)) + 1;
        }
        if (result instanceof RuleBuildError error && error.getDescr() instanceof RuleDescr rule
                && error.getObject() instanceof CompilationProblem[] problems && problems.length > 0) {
            // The generated class holds the actions after its other methods (an eval's, say), past the consequence
            // method's signature and its two declarations: one generated line for each line after "then".
            int actionLine = rule.getConsequenceLine() + problems[0].getStartLine() - (rule.getConsequenceOffset() + ACTIONS_AFTER_OFFSET);
            if (actionLine > rule.getConsequenceLine() && actionLine < rule.getEndLine()) {
                line = actionLine;
                column = 0;
            }
        }
        String message = plain(result.getMessage());
        if (line <= 0) {
            line = lineOfQuotedWord(text, message);
        }
        Matcher named = IN_RULE.matcher(result.getMessage());
        String rule = named.find() ? named.group(1) : index == null ? null : index.ruleAt(line);
        return new RuleProblem(file, line, column, rule, message);
    }

    /** Where a compiler lost the line: the first line that holds the word its message quotes; 0 when none. */
    private static int lineOfQuotedWord(String text, String message) {
        Matcher quoted = QUOTED.matcher(message);
        return quoted.find() ? RuleSources.lineOf(text, 1, quoted.group(1)) : 0;
    }

    /** The first line of a compiler message in the merchandiser's terms, without generated names. */
    static String plain(String message) {
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return unknown.group(1).equals("Object") ? "\"" + unknown.group(2) + "\" is not known here: check its spelling"
                    : unknown.group(1) + " has no property \"" + unknown.group(2) + "\"";
        }
        String first = message.strip().split("\\R", 2)[0].replaceAll(" for the type Rule_\\w+", "")
                .replaceAll("\\[ERR \\d+] Line \\d+:\\d+ ", "").replaceAll(" in rule \"[^\"]+\"", "")
                .replaceFirst("^Rule Compilation error ", "");
        for (Map.Entry<Pattern, String> said : PLAINLY.entrySet()) {
            Matcher matcher = said.getKey().matcher(first);
            if (matcher.find()) {
                return matcher.replaceFirst(said.getValue());
            }
        }
        return first;
    }

    /**
     * The rule base that serves. Some mistakes (a text where a number belongs) make the
     * executable-model generator throw instead of report: then each rule is built alone to find
     * the one at fault, so the merchandiser still gets a file, a line and a rule.
     */
    private static KieBase buildExecutableModel(RuleSources sources, Map<String, RuleIndex> indexes, List<RuleProblem> errors) {
        try {
            return build(sources.drl(), errors);
        } catch (RuntimeException e) {
            errors.add(culprit(sources, indexes));
            return null;
        }
    }

    /** Builds DRL files; the KieModule leaves the repository at once, so reloads do not pile up. */
    private static KieBase build(Map<String, String> drl, List<RuleProblem> errors) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("io.nudge.rules", "reload", "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        // A table goes in as the DRL generated from it, under a name the builder reads as DRL.
        drl.forEach((file, text) -> files.write(PACKAGE_FOLDER + asDrl(file), text));
        try {
            KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
            List<Message> failures = builder.getResults().getMessages(Message.Level.ERROR);
            if (!failures.isEmpty()) {
                failures.forEach(m -> {
                    String file = m.getPath() == null ? "rules" : fromDrl(m.getPath().replace(PACKAGE_FOLDER, ""));
                    String message = plain(m.getText());
                    int line = m.getLine() > 0 ? m.getLine() : lineOfQuotedWord(drl.get(file), message);
                    errors.add(new RuleProblem(file, line, Math.max(m.getColumn(), 0), null, message));
                });
                return null;
            }
            return kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static String asDrl(String file) {
        return file.endsWith(".drl") ? file : file + ".drl";
    }

    private static String fromDrl(String written) {
        return written.endsWith(DecisionTable.EXTENSION + ".drl") ? written.substring(0, written.length() - 4) : written;
    }

    /** The first rule that cannot be built on its own (with its file's imports and globals), or the folder when none is found. */
    private static RuleProblem culprit(RuleSources sources, Map<String, RuleIndex> indexes) {
        String why = "this rule cannot be built: check that each value has the type of what it is compared with";
        for (Map.Entry<String, String> file : sources.drl().entrySet()) {
            String[] lines = file.getValue().split("\\R", -1);
            List<RuleDescr> rules = indexes.get(file.getKey()).rules();
            int firstRule = rules.stream().mapToInt(RuleDescr::getLine).min().orElse(lines.length + 1);
            String header = String.join("\n", Arrays.asList(lines).subList(0, Math.max(firstRule - 1, 0)));
            for (RuleDescr rule : rules) {
                String alone = header + "\n" + String.join("\n", Arrays.asList(lines).subList(rule.getLine() - 1,
                        Math.min(rule.getEndLine(), lines.length)));
                try {
                    build(Map.of(file.getKey(), alone), new ArrayList<>());
                } catch (RuntimeException failed) {
                    return textComparedWithANumber(file.getKey(), lines, rule)
                            .orElse(new RuleProblem(file.getKey(), rule.getLine(), rule.getColumn() + 1, rule.getName(), why));
                }
            }
        }
        return new RuleProblem("rules", 0, 0, null, why);
    }

    /** The usual reason a rule cannot be built: a condition compares a number with a text, {@code subtotal > "sixty"}. */
    private static Optional<RuleProblem> textComparedWithANumber(String file, String[] lines, RuleDescr rule) {
        for (int line = rule.getLine(); line <= Math.min(rule.getEndLine(), lines.length); line++) {
            Matcher compared = TEXT_COMPARED.matcher(lines[line - 1]);
            while (compared.find()) {
                if (!compared.group(3).matches("-?\\d+(\\.\\d+)?")) {
                    return Optional.of(new RuleProblem(file, line, compared.start(1) + 1, rule.getName(), compared.group(1)
                            + " is compared with the text \"" + compared.group(3) + "\": if " + compared.group(1)
                            + " is a number or an amount, write a number without quotes"));
                }
            }
        }
        return Optional.empty();
    }
}
