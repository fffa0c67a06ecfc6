package io.nudge.decision;

import java.math.BigDecimal;
import java.util.List;

/** The answer to one cart: what to show, and which rules decided it. */
public record Decision(String decisionId, String rulesVersion, String currency, BigDecimal subtotal, List<Nudge> nudges) {
}
