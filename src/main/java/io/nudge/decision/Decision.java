package io.nudge.decision;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to one cart: what to show, which rules decided it, and, when asked for, why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String decisionId, String rulesVersion, String currency, BigDecimal subtotal, List<Nudge> nudges,
        Explanation explanation) {
}
