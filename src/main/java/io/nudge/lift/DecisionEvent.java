package io.nudge.lift;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.nudge.decision.Decided;
import io.nudge.decision.Fate;
import io.nudge.request.NudgeRequest;

/**
 * One decision, as the lift report reads it: who (hashed), what the cart was worth, what became
 * of each nudge the rules proposed, and the percent of shoppers each rule that fired holds out
 * (so the report can tell when the groups are not the sizes configured). {@code abandoned} says why
 * the shopper was answered without the rules ({@code deadline}, {@code queue-full}), and is absent
 * when they decided: every answer is one event.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DecisionEvent(String event, String decisionId, Instant at, String rulesVersion, String shopper,
        BigDecimal subtotal, String currency, List<String> fired, List<Fate> nudges, Map<String, Integer> holdouts,
        NudgeRequest request, String abandoned) {

    public static final String TYPE = "decision";

    public DecisionEvent {
        // Empty lists and maps are left out of the line: read back, they are empty, not missing.
        fired = fired == null ? List.of() : fired;
        nudges = nudges == null ? List.of() : nudges;
        holdouts = holdouts == null ? Map.of() : holdouts;
    }

    /** The event of a decision; {@code request} is the recorded request without personal data, or null when carts are not recorded. */
    static DecisionEvent of(Decided decided, Instant at, String shopper, NudgeRequest request) {
        var decision = decided.decision();
        return new DecisionEvent(TYPE, decision.decisionId(), at, decision.rulesVersion(), shopper, decision.subtotal(),
                decision.currency(), decided.fired().stream().sorted().toList(), decided.fates(), decided.holdouts(), request,
                decided.abandoned());
    }
}
