package io.nudge.lift;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.nudge.decision.Decided;
import io.nudge.decision.NudgeType;

/**
 * One decision, as the lift report reads it: who (hashed), what the cart was worth, and what
 * became of each nudge the rules proposed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionEvent(String event, String decisionId, Instant at, String rulesVersion, String shopper,
        BigDecimal subtotal, String currency, List<String> fired, List<NudgeFate> nudges) {

    public static final String TYPE = "decision";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NudgeFate(String rule, NudgeType type, Decided.Outcome outcome, String reason) {
    }

    static DecisionEvent of(Decided decided, Instant at, String shopper) {
        var decision = decided.decision();
        return new DecisionEvent(TYPE, decision.decisionId(), at, decision.rulesVersion(), shopper, decision.subtotal(),
                decision.currency(), decided.fired().stream().sorted().toList(),
                decided.fates().stream().map(f -> new NudgeFate(f.rule(), f.type(), f.outcome(), f.reason())).toList());
    }
}
