package io.nudge.rules;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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

    void record(RuleBookChange change) {
        if (change.action() == RuleBookChange.Action.REFUSED) {
            LOG.warn(change);
        } else {
            LOG.info(change);
        }
        emit.accept(change);
    }
}
