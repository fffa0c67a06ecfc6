package io.nudge.decision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decision with what happened on the way to it, for metrics and events; none of it goes to
 * the shopper. {@code shopperKey} is unhashed: hash it before it leaves the service.
 * {@code holdouts} has the percent of shoppers held out of each rule that fired, where it is not 0.
 * {@code abandoned} says why the shopper was answered without the rules ({@code deadline}: they ran
 * past it; {@code queue-full}: every decision thread was held); null when the rules decided.
 */
public record Decided(Decision decision, String shopperKey, Set<String> fired, List<Fate> fates, Map<String, Integer> holdouts,
        String abandoned) {

    /** Why an answer was given without the rules: they ran past {@code nudge.decision.deadline}. */
    public static final String DEADLINE = "deadline";
    /** Why an answer was given without the rules: every decision thread was held and the queue was full. */
    public static final String QUEUE_FULL = "queue-full";

    /** A decision the rules made. */
    public Decided(Decision decision, String shopperKey, Set<String> fired, List<Fate> fates, Map<String, Integer> holdouts) {
        this(decision, shopperKey, fired, fates, holdouts, null);
    }

    /** An answer without nudges, given {@code why} the rules could not decide in time; it is recorded like any other. */
    public static Decided abandoned(Decision withoutNudges, String shopperKey, String why) {
        return new Decided(withoutNudges, shopperKey, Set.of(), List.of(), Map.of(), why);
    }
}
