package io.nudge.rules;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.RuleDescr;
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

import io.nudge.catalog.ProductCatalog;
import io.nudge.catalog.CatalogException;
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
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String PACKAGE_FOLDER = "src/main/resources/nudge/";

    private final ZoneId zone;

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
        Map<String, String> fileOfRule = new HashMap<>();
        sources.drl().forEach((file, text) -> {
            RuleIndex index = RuleIndex.parse(text);
            indexes.put(file, index);
            for (RuleDescr rule : index.rules()) {
                String other = fileOfRule.putIfAbsent(rule.getName(), file);
                if (other != null) {
                    errors.add(new RuleProblem(file, rule.getLine(), rule.getColumn() + 1, rule.getName(),
                            "another rule has this name, in " + other));
                }
                if (rule.getAnnotation(RuleInfo.DESCRIPTION) == null) {
                    warnings.add(new RuleProblem(file, rule.getLine(), rule.getColumn() + 1, rule.getName(),
                            "has no @description(\"...\") saying what it does"));
                }
            }
        });
        if (fileOfRule.isEmpty()) {
            errors.add(new RuleProblem("rules", 0, 0, null, sources.drl().isEmpty() ? "no .drl file" : "no rule in any .drl file"));
        }
        ProductCatalog catalog = readCatalog(sources, errors);
        errors.addAll(diagnose(sources, indexes));
        KieBase kieBase = errors.isEmpty() ? buildExecutableModel(sources, indexes, errors) : null;
        List<RuleInfo> rules = kieBase == null ? List.of() : RuleBooks.read(kieBase, fileOfRule, zone, (rule, problem) ->
                errors.add(problemOf(fileOfRule.get(rule.getName()), indexes, rule.getName(), problem)));
        Map<String, String> replaces = new HashMap<>();
        rules.stream().filter(rule -> rule.replaces() != null).forEach(rule -> replaces.put(rule.name(), rule.replaces()));
        for (RuleInfo rule : rules) {
            if (rule.replaces() != null && !fileOfRule.containsKey(rule.replaces())) {
                errors.add(problemOf(rule.file(), indexes, rule.name(), "@replaces(\"" + rule.replaces() + "\") names no rule"));
            }
            List<String> cycle = replacementCycle(rule.name(), replaces);
            if (!cycle.isEmpty()) {
                errors.add(problemOf(rule.file(), indexes, rule.name(), "@replaces goes round in a circle, so each of these rules"
                        + " would silence the other: " + String.join(" replaces ", cycle)));
            }
        }
        if (!errors.isEmpty()) {
            return new Compilation(null, errors, warnings);
        }
        return new Compilation(new RuleBook(sources.version(), kieBase, catalog, rules), errors, warnings);
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

    /** A problem with a rule, at the line where the rule starts. */
    private static RuleProblem problemOf(String file, Map<String, RuleIndex> indexes, String rule, String message) {
        RuleDescr descr = indexes.get(file).rule(rule);
        return new RuleProblem(file, descr.getLine(), descr.getColumn() + 1, rule, message);
    }

    private static ProductCatalog readCatalog(RuleSources sources, List<RuleProblem> errors) {
        try {
            return sources.catalog();
        } catch (CatalogException e) {
            e.problems().forEach(problem -> errors.add(new RuleProblem(problem.file(), problem.line(), 0, null, problem.message())));
            return null;
        }
    }

    /** Every error the classic compiler finds, located and put in the merchandiser's terms. */
    private static List<RuleProblem> diagnose(RuleSources sources, Map<String, RuleIndex> indexes) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        sources.drl().forEach((file, text) -> builder.add(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(file), ResourceType.DRL));
        List<RuleProblem> errors = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            if (result.getMessage().startsWith("Parser returned a null Package")) {
                continue; // follows a syntax error, which is reported itself
            }
            String file = result.getResource() == null ? "rules" : result.getResource().getSourcePath();
            int[] lines = result.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            int column = 0;
            Matcher at = LINE_AND_COLUMN.matcher(result.getMessage());
            if (at.find()) {
                line = Integer.parseInt(at.group(1) != null ? at.group(1) : at.group(3));
                column = Integer.parseInt(at.group(2) != null ? at.group(2) : at.group(4)) + 1;
            }
            Matcher named = IN_RULE.matcher(result.getMessage());
            RuleIndex index = indexes.get(file);
            String rule = named.find() ? named.group(1) : index == null ? null : index.ruleAt(line);
            errors.add(new RuleProblem(file, line, column, rule, plain(result.getMessage())));
        }
        return errors;
    }

    /** The first line of a compiler message, with an unknown property said plainly. */
    static String plain(String message) {
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return unknown.group(1) + " has no property \"" + unknown.group(2) + "\"";
        }
        String first = message.strip().split("\\R", 2)[0];
        return first.replaceAll(" for the type Rule_\\w+", "").replaceAll("\\[ERR \\d+] Line \\d+:\\d+ ", "")
                .replaceAll(" in rule \"[^\"]+\"", "");
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
            errors.add(culprit(sources, indexes, e));
            return null;
        }
    }

    /** Builds DRL files; the KieModule leaves the repository at once, so reloads do not pile up. */
    private static KieBase build(Map<String, String> drl, List<RuleProblem> errors) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("io.nudge.rules", "reload", "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        drl.forEach((file, text) -> files.write(PACKAGE_FOLDER + file, text));
        try {
            KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
            List<Message> failures = builder.getResults().getMessages(Message.Level.ERROR);
            if (!failures.isEmpty()) {
                failures.forEach(m -> errors.add(new RuleProblem(m.getPath() == null ? "rules" : m.getPath().replace(PACKAGE_FOLDER, ""),
                        Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), null, plain(m.getText()))));
                return null;
            }
            return kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** The first rule that cannot be built on its own (with its file's imports and globals), or the folder when none is found. */
    private static RuleProblem culprit(RuleSources sources, Map<String, RuleIndex> indexes, RuntimeException thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = "this rule cannot be built" + (root.getMessage() == null ? "" : ": " + root.getMessage().strip())
                + "; check that each value has the type of what it is compared with";
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
                    return new RuleProblem(file.getKey(), rule.getLine(), rule.getColumn() + 1, rule.getName(), why);
                }
            }
        }
        return new RuleProblem("rules", 0, 0, null, why);
    }
}
