package io.nudge.lift;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.nudge.decision.Decided;
import io.nudge.decision.Fate;

/**
 * One decision, as the lift report reads it: who (hashed), what the cart was worth, and what
 * became of each nudge the rules proposed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionEvent(String event, String decisionId, Instant at, String rulesVersion, String shopper,
        BigDecimal subtotal, String currency, List<String> fired, List<Fate> nudges) {

    public static final String TYPE = "decision";

    static DecisionEvent of(Decided decided, Instant at, String shopper) {
        var decision = decided.decision();
        return new DecisionEvent(TYPE, decision.decisionId(), at, decision.rulesVersion(), shopper, decision.subtotal(),
                decision.currency(), decided.fired().stream().sorted().toList(),
                decided.fates());
    }
}
