package io.nudge.decision;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets a match fire while the decision is within its time budget (and the campaign filter
 * lets it), keeping each rule's firings and time, so a run over budget blames the right rule:
 * the slowest when time ran out, the most fired when the firing cap was reached.
 */
final class FiringBudget implements AgendaFilter {

    private final AgendaFilter inEffect;
    private final long deadline;
    /** Rule name to {firings, nanoseconds}; a firing's time runs until the next match is offered. */
    private final Map<String, long[]> spent = new HashMap<>();
    private long[] running;
    private long runningSince;
    private boolean overTime;

    FiringBudget(AgendaFilter inEffect, long budgetNanos) {
        this.inEffect = inEffect;
        this.deadline = System.nanoTime() + budgetNanos;
    }

    @Override
    public boolean accept(Match match) {
        long now = System.nanoTime();
        settle(now);
        if (overTime || !inEffect.accept(match)) {
            return false;
        }
        running = spent.computeIfAbsent(match.getRule().getName(), rule -> new long[2]);
        running[0]++;
        runningSince = now;
        return true;
    }

    /** After the firing: what ran over budget, or null when the decision kept within it. */
    RuleFault fault(int fired, int maxFirings) {
        settle(System.nanoTime());
        if (overTime) {
            return new RuleFault(mostBy(1), RuleFault.Kind.TIME_BUDGET);
        }
        return fired >= maxFirings ? new RuleFault(mostBy(0), RuleFault.Kind.FIRING_CAP) : null;
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
