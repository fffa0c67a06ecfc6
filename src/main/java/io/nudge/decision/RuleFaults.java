package io.nudge.decision;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts rule faults in {@code nudge_rule_faults_total} (tagged by rule and kind, both few) and
 * logs each once per rules version, rule and kind rather than once per request. A rule that runs
 * past its budget {@code nudge.decision.quarantine-after} times in one book is quarantined there:
 * counted in {@code nudge_rules_quarantined_total} and announced as a {@link RuleQuarantined}.
 */
@ApplicationScoped
public class RuleFaults implements FaultRecorder {

    private static final Logger LOG = Logger.getLogger(RuleFaults.class);
    private static final int MAX_FAULTS_LOGGED = 1000;
    static final String UNKNOWN_RULE = "unknown";

    private final MeterRegistry registry;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final int quarantineAfter;
    private final Consumer<RuleQuarantined> quarantines;

    @Inject
    RuleFaults(MeterRegistry registry, DecisionConfig config, Event<RuleQuarantined> quarantines) {
        this(registry, config.quarantineAfter(), quarantines::fire);
    }

    /** Counts and logs, and quarantines a rule at its {@code quarantineAfter}-th overrun in a book, telling {@code quarantines}. */
    public RuleFaults(MeterRegistry registry, int quarantineAfter, Consumer<RuleQuarantined> quarantines) {
        this.registry = registry;
        this.quarantineAfter = quarantineAfter;
        this.quarantines = quarantines;
    }

    /** Counts and logs, and never quarantines. */
    public RuleFaults(MeterRegistry registry) {
        this(registry, Integer.MAX_VALUE, quarantined -> {
        });
    }

    @Override
    public void record(RuleBook book, RuleFault fault, Throwable cause) {
        String rule = fault.rule() == null ? UNKNOWN_RULE : fault.rule();
        Counter.builder("nudge.rule.faults")
                .description("Decisions a rule cut short; they answered with the nudges proposed before the fault")
                .tag("rule", rule)
                .tag("kind", fault.kind().tag())
                .register(registry)
                .increment();
        if (logged.size() < MAX_FAULTS_LOGGED && logged.add(book.version() + "/" + rule + "/" + fault.kind())) {
            // The cause's message is the rule's own; the facts it names are kept out of the log.
            LOG.errorf("Rule \"%s\" (rules %s): %s; decisions answer without what follows it. Logged once per rule.",
                    rule, book.version(), fault.kind().tag() + (cause == null ? "" : ", " + whereFrom(cause)));
        }
        if (fault.rule() != null && fault.kind().overrun() && book.overran(fault.rule(), quarantineAfter)) {
            Counter.builder("nudge.rules.quarantined")
                    .description("Rules taken out of the book serving after running past their budget nudge.decision.quarantine-after times")
                    .tag("rule", rule)
                    .register(registry)
                    .increment();
            quarantines.accept(new RuleQuarantined(Instant.now(), book.version(), rule, quarantineAfter));
        }
    }

    /** Where the rule failed, without the exception's message: it may quote the facts. */
    private static String whereFrom(Throwable cause) {
        Throwable root = RuleFault.rootOf(cause);
        return root.getClass().getName() + " at " + (root.getStackTrace().length == 0 ? "?" : root.getStackTrace()[0]);
    }
}
