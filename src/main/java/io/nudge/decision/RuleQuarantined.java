package io.nudge.decision;

import java.time.Instant;

/**
 * A rule taken out of the book serving because it ran past its time budget, its firing cap or the deadline {@code overruns}
 * times: it fires no more until the next reload. The audit trail records it.
 */
public record RuleQuarantined(Instant at, String version, String rule, int overruns) {
}
