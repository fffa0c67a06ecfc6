package io.nudge.bench;

import java.math.BigDecimal;

/** What is left to reach a spend goal: {@code goal} is "freeShipping" or "discount". */
public record Remaining(String goal, BigDecimal amount) {
}
