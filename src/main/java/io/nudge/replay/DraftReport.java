package io.nudge.replay;

import io.nudge.rules.CheckReport;

/** A draft's check, and what it changes for recorded carts; {@code replay} is null when the draft cannot be built. */
public record DraftReport(CheckReport.Summary check, ReplayReport replay) {
}
