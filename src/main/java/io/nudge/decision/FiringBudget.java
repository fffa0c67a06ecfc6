package io.nudge.decision;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets a match fire while the decision is within its time budget and its firing cap (and the
 * campaign filter lets it), keeping each rule's firings and time, so a run over budget blames
 * the right rule: the slowest when time ran out, the most fired when a match was offered past
 * the cap. A run that ends on its own at exactly the cap is no fault. It also knows which rule's
 * then part is running, so that an {@link Error} thrown out of it unwrapped is blamed on that rule.
 */
final class FiringBudget extends DefaultAgendaEventListener implements AgendaFilter {

    private final AgendaFilter inEffect;
    private final long deadline;
    private final int cap;
    private int firings;
    private boolean overCap;
    /** Rule name to {firings, nanoseconds}; a firing's time runs until the next match is offered. */
    private final Map<String, long[]> spent = new HashMap<>();
    private long[] running;
    private long runningSince;
    private boolean overTime;
    /** The rule whose then part runs now; null between firings, while conditions are matched. Read at the deadline by another thread. */
    private volatile String firing;
    /** Set when the decision was still running at the deadline, and its rule blamed for it then. */
    private volatile boolean overdue;

    FiringBudget(AgendaFilter inEffect, long budgetNanos, int cap) {
        this.inEffect = inEffect;
        this.deadline = System.nanoTime() + budgetNanos;
        this.cap = cap;
    }

    @Override
    public boolean accept(Match match) {
        long now = System.nanoTime();
        settle(now);
        if (overTime || overCap || !inEffect.accept(match)) {
            return false;
        }
        if (firings == cap) {
            overCap = true;
            return false;
        }
        firings++;
        firing = match.getRule().getName();
        running = spent.computeIfAbsent(firing, rule -> new long[2]);
        running[0]++;
        runningSince = now;
        return true;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    /** The rule whose then part was running when the run stopped; null when none was. */
    String firing() {
        return firing;
    }

    /** Marks the decision as answered at the deadline while {@link #firing()} ran: its later time-budget fault is the same overrun. */
    void overdue() {
        overdue = true;
    }

    boolean isOverdue() {
        return overdue;
    }

    /** After the firing: what ran over budget, or null when the decision kept within it. */
    RuleFault fault() {
        settle(System.nanoTime());
        if (overTime) {
            return new RuleFault(mostBy(1), RuleFault.Kind.TIME_BUDGET);
        }
        return overCap ? new RuleFault(mostBy(0), RuleFault.Kind.FIRING_CAP) : null;
    }

    /** The rules that fired. */
    Set<String> fired() {
        return spent.keySet();
    }

    private void settle(long now) {
        if (running != null) {
            running[1] += now - runningSince;
            running = null;
        }
        overTime |= now - deadline > 0;
    }

    private String mostBy(int measure) {
        return spent.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[measure])).map(Map.Entry::getKey).orElse(null);
    }
}
