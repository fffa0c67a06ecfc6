package io.nudge.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kie.api.runtime.KieRuntimeBuilder;

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

    private final AtomicReference<Serving> serving;
    private final RuleCheck check;
    private final RulesConfig config;
    private volatile ReloadAttempt lastRefused;

    ActiveRules(KieRuntimeBuilder kieRuntime, RuleCheck check, RulesConfig config) {
        this.check = check;
        this.config = config;
        RuleBook compiledIn = RuleBooks.of(RuleSources.fromClasspath(), kieRuntime.getKieBase(), config.zone());
        this.serving = new AtomicReference<>(new Serving(compiledIn, Instant.now()));
        LOG.infof("Rule book %s loaded: %d rules, %d catalog products", compiledIn.version(), compiledIn.rules().size(),
                compiledIn.catalog().size());
        if (reloadable() && Files.isDirectory(folder())
                && !RuleSources.fromFolder(folder()).version().equals(compiledIn.version())) {
            // The folder was edited since the build: serve what it holds, if it passes the check.
            reload("start-up");
        }
    }

    public RuleBook current() {
        return serving.get().book();
    }

    public Serving serving() {
        return serving.get();
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

    /** Checks the rule folder and, when it passes, swaps it in; one reload at a time. */
    public synchronized ReloadAttempt reload(String trigger) {
        CheckReport report;
        try {
            report = check.check(folder());
        } catch (RuntimeException e) {
            // Whatever went wrong, the rules serving now keep serving; the details are for the log, not the merchandiser.
            LOG.error("Rule check failed unexpectedly", e);
            report = new CheckReport(folder().toString(), null, List.of(new RuleProblem(folder().toString(), 0, 0, null,
                    "the check failed unexpectedly; the service's log has the details")), List.of(), List.of(), null);
        }
        if (report.passed() && report.version().equals(current().version())) {
            // The folder holds the rules serving again: an earlier refusal no longer describes it.
            lastRefused = null;
            return ReloadAttempt.of(trigger, report, ReloadAttempt.Result.UNCHANGED);
        }
        if (!report.passed()) {
            ReloadAttempt refused = ReloadAttempt.of(trigger, report, ReloadAttempt.Result.REFUSED);
            lastRefused = refused;
            LOG.warnf("Rule reload (%s) refused; version %s keeps serving: %d errors, %d failed scenarios%s", trigger,
                    current().version(), report.errors().size(), report.failedScenarios().size(),
                    report.errors().isEmpty() ? "" : "; first: " + report.errors().get(0));
            return refused;
        }
        serving.set(new Serving(report.book(), Instant.now()));
        lastRefused = null;
        LOG.infof("Rule reload (%s): version %s now serves, %d rules", trigger, report.version(), report.book().rules().size());
        return ReloadAttempt.of(trigger, report, ReloadAttempt.Result.LOADED);
    }
}
