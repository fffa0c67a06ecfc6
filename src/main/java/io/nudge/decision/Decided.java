package io.nudge.decision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decision with what happened on the way to it, for metrics and events; none of it goes to
 * the shopper. {@code shopperKey} is unhashed: hash it before it leaves the service.
 * {@code holdouts} has the percent of shoppers held out of each rule that fired, where it is not 0.
 */
public record Decided(Decision decision, String shopperKey, Set<String> fired, List<Fate> fates, Map<String, Integer> holdouts) {
}
