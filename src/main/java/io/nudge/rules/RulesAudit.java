package io.nudge.rules;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.nudge.decision.RuleQuarantined;

/**
 * The audit trail of the rules serving: every load, refusal and rollback is logged in category
 * {@code nudge.audit} and fired as a {@link RuleBookChange}, which the event log writes.
 */
@ApplicationScoped
public class RulesAudit {

    private static final Logger LOG = Logger.getLogger("nudge.audit");

    private final Consumer<RuleBookChange> emit;

    @Inject
    RulesAudit(Event<RuleBookChange> events) {
        this(events::fire);
    }

    RulesAudit(Consumer<RuleBookChange> emit) {
        this.emit = emit;
    }

    /** A rule that ran past its budget too often is out of the book serving: said as loudly as a refusal. */
    void quarantined(@Observes RuleQuarantined quarantined) {
        record(new RuleBookChange(quarantined.at(), RuleBookChange.Action.QUARANTINED, quarantined.version(), quarantined.version(),
                "ran past its budget " + quarantined.overruns() + " times", null, null, null, null, quarantined.rule()));
    }

    void record(RuleBookChange change) {
        if (change.action() == RuleBookChange.Action.REFUSED || change.action() == RuleBookChange.Action.QUARANTINED) {
            LOG.warn(change);
        } else {
            LOG.info(change);
        }
        emit.accept(change);
    }
}
