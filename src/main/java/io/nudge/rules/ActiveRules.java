package io.nudge.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kie.api.runtime.KieRuntimeBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.nudge.decision.RuleBook;
import io.quarkus.runtime.Startup;

/**
 * The rule book that serves decisions. It starts as the book compiled into the service, and a
 * reload replaces it as a whole, atomically, only once the new rules pass the check: a request
 * reads {@link #current()} once and decides with that book from start to end.
 */
@Startup
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class);

    /** The serving book and when it went live. */
    public record Serving(RuleBook book, Instant loadedAt) {
    }

    /**
     * The books that served, each once, with their files' hashes: the first serves, the others are what a rollback brings back.
     * Never changed, only replaced, so that a request reads the book serving without a lock.
     */
    private volatile List<Served> history = List.of();
    /** Taken to replace the history: not the reload lock, so that a rollback never waits for a reload's check. */
    private final Object publishing = new Object();
    /** Why no rule book serves, while none does. */
    private volatile String notServing;
    /** 1, tagged with the version serving: replicas that serve different rules show as different series. */
    private final MultiGauge servingVersion;
    private final RuleCheck check;
    private final RulesConfig config;
    private final RulesAudit audit;
    private volatile ReloadAttempt lastRefused;
    // A thread per check: one abandoned past its timeout must not stand in the way of the next.
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "nudge-rules-check");
        thread.setDaemon(true);
        return thread;
    });

    ActiveRules(KieRuntimeBuilder kieRuntime, RuleCheck check, RulesConfig config, MeterRegistry registry, RulesAudit audit) {
        this.check = check;
        this.config = config;
        this.audit = audit;
        this.servingVersion = MultiGauge.builder("nudge.rules.serving")
                .description("1 for the version of the rule book this replica serves").register(registry);
        RuleBook compiledIn = null;
        try {
            RuleSources builtIn = RuleSources.fromClasspath();
            compiledIn = RuleBooks.of(builtIn, kieRuntime.getKieBase(), config.zone());
            // A rule book's first decisions load its classes and would run past the time budget, cutting the
            // first shoppers' answers short: its scenarios run once before it serves. (A reloaded book is
            // warm already: its check ran them.)
            if (config.warmUp()) {
                check.warmUp(compiledIn, builtIn);
            }
            serve(compiledIn, builtIn.fingerprints(), "start-up", null, RuleBookChange.Action.LOADED);
        } catch (RuntimeException e) {
            // Not ready rather than not started: readiness says why, and a rule folder may still fix it.
            notServing = "the built-in rule book cannot serve: " + e.getMessage();
            LOG.error("The built-in rule book cannot serve; the service is not ready", e);
        }
        if (reloadable() && Files.isDirectory(folder()) && (compiledIn == null || folderDiffersFrom(compiledIn))) {
            // The folder was edited since the build: serve what it holds if it passes the check, else say why not.
            reload("start-up", null);
        }
    }

    /** A book that served, with the hashes of its files. */
    private record Served(RuleBookVersion version, RuleBook book, SortedMap<String, String> files) {
    }

    /** Makes {@code book} serve, keeps it first in the history and writes the audit line. */
    private void serve(RuleBook book, SortedMap<String, String> files, String trigger, String by, RuleBookChange.Action action) {
        synchronized (publishing) {
            FileChanges changes = changesTo(files);
            Instant now = Instant.now();
            Served first = new Served(new RuleBookVersion(book.version(), now, trigger, by, changes, book.rules().size()), book, files);
            history = Stream.concat(Stream.of(first), history.stream().filter(served -> !served.version().version().equals(book.version())))
                    .limit(Math.max(1, config.historySize())).toList();
            servingVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", book.version()), 1)), true);
            audit.record(new RuleBookChange(now, action, book.version(), book.version(), trigger, by, changes, null, null, null));
        }
    }

    /** The book serving, with its files; null while none does. */
    private Served first() {
        List<Served> now = history;
        return now.isEmpty() ? null : now.get(0);
    }

    /** The files changed from the book serving to {@code files}; null when what the files are is not known. */
    private FileChanges changesTo(SortedMap<String, String> files) {
        Served last = first();
        return files == null ? null : FileChanges.between(last == null ? Map.of() : last.files(), files);
    }

    private boolean folderDiffersFrom(RuleBook book) {
        try {
            return !RuleSources.versionOf(folder()).equals(book.version());
        } catch (UnreadableRuleFile e) {
            return true;
        }
    }

    /** The book serving now; {@link NoRuleBook} while none does. Read once per request. */
    public RuleBook current() {
        return servedNow().book();
    }

    /** The book serving now and since when; {@link NoRuleBook} while none does. */
    public Serving serving() {
        Served now = servedNow();
        return new Serving(now.book(), now.version().servedFrom());
    }

    private Served servedNow() {
        Served now = first();
        if (now == null) {
            throw new NoRuleBook(notServing);
        }
        return now;
    }

    /** Why no rule book serves; null while one does. */
    public String notServing() {
        return first() == null ? notServing : null;
    }

    /** The last reload refused since rules last went live; null when none. */
    public ReloadAttempt lastRefused() {
        return lastRefused;
    }

    /** Whether reloads happen at all here: configured on, and rules can be compiled (not in the native binary). */
    public boolean reloadable() {
        return config.reload() != RulesConfig.Reload.OFF && RuleCompiler.available();
    }

    public Path folder() {
        return Path.of(config.dir());
    }

    /** The check of the rule folder: what a reload would find. */
    public CheckReport checkFolder() {
        return check(folder());
    }

    /**
     * The check of {@code folder}, on a thread of its own: rule code runs in it, and a rule that
     * loops or waits must not hold reloads forever. Past {@code nudge.rules.check-timeout} the
     * check is abandoned (interrupted) and the rules refused.
     */
    public CheckReport check(Path folder) {
        Future<CheckReport> running = checks.submit(() -> check.check(folder));
        try {
            return running.get(config.checkTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return refusal(folder, "the check did not finish within " + config.checkTimeout().toString().substring(2).toLowerCase(Locale.ROOT)
                    + ": a rule may loop or wait; the rules serving keep serving");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusal(folder, "the check was interrupted");
        } catch (ExecutionException e) {
            // Whatever went wrong, the rules serving now keep serving; the details are for the log, not the merchandiser.
            LOG.error("Rule check failed unexpectedly", e.getCause());
            return refusal(folder, "the check failed unexpectedly; the service's log has the details");
        }
    }

    private static CheckReport refusal(Path folder, String why) {
        return CheckReport.refused(folder.toString(), new RuleProblem(folder.toString(), 0, 0, null, why));
    }

    /**
     * Checks the rule folder and, when it passes, swaps it in; one reload at a time. {@code by} is who asked: the label of an
     * admin token, or null when a saved file or the start did.
     */
    public synchronized ReloadAttempt reload(String trigger, String by) {
        Served before = first();
        CheckReport report = checkFolder();
        Served now = first();
        if (report.passed() && now != null && report.version().equals(now.version().version())) {
            // The folder holds the rules serving again: an earlier refusal no longer describes it.
            lastRefused = null;
            return ReloadAttempt.of(trigger, report, ReloadAttempt.Result.UNCHANGED);
        }
        if (!report.passed()) {
            ReloadAttempt refused = ReloadAttempt.of(trigger, report, ReloadAttempt.Result.REFUSED);
            lastRefused = refused;
            synchronized (publishing) {
                // Under the publishing lock, so that the version said to keep serving is the one serving, rollbacks included.
                Served last = first();
                audit.record(new RuleBookChange(refused.at(), RuleBookChange.Action.REFUSED, report.version(),
                        last == null ? null : last.version().version(), trigger, by, changesTo(report.files()),
                        report.errors().size(), report.failedScenarios().size(), null));
            }
            if (!report.errors().isEmpty()) {
                LOG.warnf("The first error of the refused rules: %s", report.errors().get(0));
            }
            return refused;
        }
        synchronized (publishing) {
            if (first() != before) {
                // A rollback served while the folder was checked: it is the later command, and a 200 for it must hold.
                LOG.warnf("Reload (%s) of version %s superseded by a rollback to %s while it was checked: the rollback's rules serve",
                        trigger, report.version(), first().version().version());
                return ReloadAttempt.of(trigger, report, ReloadAttempt.Result.SUPERSEDED);
            }
            serve(report.book(), report.files(), trigger, by, RuleBookChange.Action.LOADED);
        }
        lastRefused = null;
        return ReloadAttempt.of(trigger, report, ReloadAttempt.Result.LOADED);
    }

    /** The rule books that served, newest first: the one serving, then those a rollback can bring back. */
    public List<RuleBookVersion> history() {
        return history.stream().map(Served::version).toList();
    }

    /**
     * Makes version {@code version} of the history serve again, at once and without a check (it passed one to serve before),
     * and moves it first in the history; the version serving already is left as it is. Empty when the history holds no such
     * version. The rule folder is left as it is.
     */
    public Optional<RuleBookVersion> rollback(String version, String by) {
        synchronized (publishing) {
            Served current = first();
            if (current != null && current.version().version().equals(version)) {
                return Optional.of(current.version());
            }
            Optional<Served> earlier = history.stream().filter(served -> served.version().version().equals(version)).findFirst();
            earlier.ifPresent(served -> serve(served.book(), served.files(), "rollback", by, RuleBookChange.Action.ROLLED_BACK));
            return earlier.map(served -> first().version());
        }
    }
}
