package io.nudge.vocabulary;

import java.math.BigDecimal;
import java.time.Instant;

/** A sale price and when it is in effect: from {@code from} (inclusive) until {@code until} (exclusive); an open end is null. */
public record Sale(BigDecimal price, Instant from, Instant until) {

    public boolean inEffectAt(Instant at) {
        return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }
}
