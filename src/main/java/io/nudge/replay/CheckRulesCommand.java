package io.nudge.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.decision.RuleBook;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.CheckReport;
import io.nudge.rules.NoRuleBook;
import io.nudge.rules.RuleCheck;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RulesConfig;

/**
 * {@code ./check-rules}: checks a draft rule folder as a reload would and, with {@code --replay},
 * replays recorded carts through the draft and the live rules. Exits 0 when the draft can go live,
 * 1 when not, 2 when it was asked something it cannot do.
 */
@ApplicationScoped
public class CheckRulesCommand {

    static final String USAGE = """
            Usage: ./check-rules [DRAFT] [--replay FILE]... [--against LIVE] [--at TIME] [--show N] [--json]
              DRAFT           the rule folder to check (default: rules)
              --replay FILE   JSON lines of POST /v1/nudges bodies, or event files (a folder: its *.jsonl files)
              --against LIVE  the rule folder serving now (default: the rules built into this copy of Nudge)
              --at TIME       when carts that say no time are decided, such as 2026-11-30T10:00:00Z (default: now)
              --show N        how many changed and skipped carts to show (default: 5)
              --json          print the check and the replay as JSON, for machines""";

    /** The command line, read. */
    record Arguments(Path draft, List<Path> replay, Path against, Instant at, int show, boolean json) {

        static Arguments parse(List<String> args) {
            Path draft = null;
            List<Path> replay = new ArrayList<>();
            Path against = null;
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            int show = 5;
            boolean json = false;
            for (Iterator<String> next = args.iterator(); next.hasNext();) {
                String arg = next.next();
                switch (arg) {
                    case "--replay" -> replay.add(Path.of(value(arg, next)));
                    case "--against" -> against = Path.of(value(arg, next));
                    case "--at" -> at = instant(value(arg, next));
                    case "--show" -> show = count(value(arg, next));
                    case "--json" -> json = true;
                    case "--help" -> throw new Help();
                    default -> {
                        if (arg.startsWith("-") || draft != null) {
                            throw new IllegalArgumentException("unknown argument: " + arg);
                        }
                        draft = Path.of(arg);
                    }
                }
            }
            if (against != null && replay.isEmpty()) {
                throw new IllegalArgumentException("--against compares a replay: give --replay FILE too");
            }
            return new Arguments(draft == null ? Path.of("rules") : draft, replay, against, at, show, json);
        }

        private static String value(String option, Iterator<String> next) {
            if (!next.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return next.next();
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--at must be a time such as 2026-11-30T10:00:00Z, not " + text);
            }
        }

        private static int count(String text) {
            try {
                int count = Integer.parseInt(text);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new IllegalArgumentException("--show must be a whole number, 0 or more, not " + text);
        }
    }

    private final RuleCheck check;
    private final ActiveCatalog catalog;
    private final ActiveRules rules;
    private final Replay replay;
    private final ObjectMapper json;
    private final RulesConfig config;

    CheckRulesCommand(RuleCheck check, ActiveCatalog catalog, ActiveRules rules, Replay replay, ObjectMapper json, RulesConfig config) {
        this.check = check;
        this.config = config;
        this.catalog = catalog;
        this.rules = rules;
        this.replay = replay;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Help help) {
            out.println(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!RuleCompiler.available()) {
            err.println("This build of Nudge cannot compile rules (it is the native flavour): build it with ./mvnw package");
            return 2;
        }
        if (catalog.notServing() != null) {
            // Scenarios name products: without a catalog they fail for a reason no rule explains.
            err.println("WARNING: " + catalog.notServing() + "; the scenarios run with no products (see docs/catalog.md)");
        }
        CheckReport draft = check.check(arguments.draft());
        DraftReport report = new DraftReport(draft.summary(), null);
        if (catalog.notServing() == null) {
            // What the scenarios ran against, which a folder's own catalog/, NUDGE_CATALOG_FEED or the shop's settings choose.
            err.println("Scenarios ran against the catalog of " + String.join(", ", catalog.serving().feeds().stream()
                    .map(feed -> feed.source()).toList()) + " (" + catalog.current().size() + " products), in time zone " + config.zone()
                    + ", for languages " + String.join(", ", config.languages()));
        }
        if (!arguments.replay().isEmpty() && draft.book() == null) {
            err.println("No replay: the draft cannot be built until its errors are fixed");
        } else if (!arguments.replay().isEmpty()) {
            try {
                RecordedCarts carts = RecordedCarts.of(arguments.replay());
                report = replay.review(draft, live(arguments.against(), draft, err), catalog.currentOrEmpty(), carts,
                        new Replay.Options(arguments.at(), null, arguments.show(), true));
            } catch (IOException e) {
                err.println("Cannot read the carts: " + e.getMessage());
                return 2;
            } catch (CannotReplay e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (arguments.json()) {
            try {
                out.println(json.writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            draft.print(out);
            if (report.replay() != null) {
                out.println();
                report.replay().print(out);
            }
        }
        return draft.passed() ? 0 : 1;
    }

    /**
     * The rules to compare with: those in {@code folder}, else those built into this copy of Nudge, which are the draft itself
     * when Nudge was built after the edit: then nothing can change, and the merchandiser is told so.
     */
    private RuleBook live(Path folder, CheckReport draft, PrintStream err) {
        if (folder == null) {
            RuleBook builtIn;
            try {
                builtIn = rules.current();
            } catch (NoRuleBook e) {
                throw new CannotReplay("The rules built into Nudge cannot serve (" + e.getMessage() + "): give --against LIVE");
            }
            if (builtIn.version().equals(draft.version())) {
                err.println("NOTE: the draft is the rules built into Nudge (version " + builtIn.version() + "), so nothing can change:"
                        + " give --against with the folder of the rules live, such as a checkout of the main branch");
            }
            return builtIn;
        }
        CheckReport live = check.compile(folder);
        if (live.book() == null) {
            throw new CannotReplay("The live rules in " + live.folder() + " cannot be built: " + live.errors().get(0));
        }
        return live.book();
    }

    /** Asked for the usage, which is no mistake. */
    private static final class Help extends RuntimeException {
        Help() {
            super(null, null, false, false);
        }
    }

    private static final class CannotReplay extends RuntimeException {
        CannotReplay(String message) {
            super(message, null, false, false);
        }
    }
}
